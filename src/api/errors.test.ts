import { describe, expect, it } from 'vitest';
import { GwsRequestError, errorFromResponse, isGwsRequestError, networkError, statusCodeMessage } from './errors';

describe('GwsRequestError', () => {
  it('is named, and keeps a cause only when one was given', () => {
    const cause = new TypeError('Failed to fetch');
    const withCause = new GwsRequestError({ kind: 'network', message: 'x', cause });
    const without = new GwsRequestError({ kind: 'http', message: 'x' });
    expect(withCause.name).toBe('GwsRequestError');
    expect(String(without)).toBe('GwsRequestError: x');
    expect(withCause.cause).toBe(cause);
    expect('cause' in without).toBe(false);
    expect(isGwsRequestError(without)).toBe(true);
    expect(isGwsRequestError(new Error('x'))).toBe(false);
  });
});

describe('statusCodeMessage', () => {
  it("prefers the server's words, then the documented meaning, then the bare code", () => {
    expect(statusCodeMessage(6, 'Interaction 42 is gone')).toBe('Interaction 42 is gone');
    expect(statusCodeMessage(6, '   ')).toBe('The interaction was not found.');
    expect(statusCodeMessage(6, undefined)).toBe('The interaction was not found.');
    expect(statusCodeMessage(99, '')).toBe('GWS refused the request (status code 99).');
  });
});

describe('errorFromResponse', () => {
  it('401 is a lost session, with the server message when it sent one', () => {
    expect(errorFromResponse(401, 'Unauthorized', { statusMessage: 'Session expired' })).toMatchObject({
      kind: 'unauthorized',
      status: 401,
      message: 'Session expired',
    });
  });

  it('a statusCode other than 0 is a status-code error, also as a string of digits (as a success may send it); 0 or a non-integer is not', () => {
    expect(errorFromResponse(400, '', { statusCode: 2 })).toMatchObject({
      kind: 'status-code',
      statusCode: 2,
      message: 'This operation is not valid in the current state.',
    });
    expect(errorFromResponse(500, 'Server Error', { statusCode: 0 })).toMatchObject({ kind: 'http', statusCode: 0 });
    expect(errorFromResponse(500, 'Server Error', { statusCode: 2.5 })).toMatchObject({ kind: 'http', statusCode: undefined });
    expect(errorFromResponse(400, '', { statusCode: '2' })).toMatchObject({
      kind: 'status-code',
      statusCode: 2,
      message: 'This operation is not valid in the current state.',
    });
    expect(errorFromResponse(500, 'Server Error', { statusCode: 'two' })).toMatchObject({ kind: 'http', statusCode: undefined });
    expect(errorFromResponse(500, 'Server Error', { statusCode: '' })).toMatchObject({ kind: 'http', statusCode: undefined });
  });

  it('ignores a blank or non-string statusMessage', () => {
    expect(errorFromResponse(500, 'Server Error', { statusMessage: '  ' }).message).toBe('GWS answered HTTP 500 Server Error.');
    expect(errorFromResponse(500, 'Server Error', { statusMessage: 42 }).message).toBe('GWS answered HTTP 500 Server Error.');
    expect(errorFromResponse(401, '', { statusMessage: ' ' }).message).toBe('Your GWS session has ended. Please log in again.');
  });

  it('names the status, with a short plain-text body after it (trimmed), never markup', () => {
    expect(errorFromResponse(502, 'Bad Gateway', '  Upstream down \n').message).toBe('GWS answered HTTP 502 Bad Gateway: Upstream down');
    expect(errorFromResponse(404, 'Not Found', 'nf').message).toBe('GWS answered HTTP 404 Not Found: nf');
    const longest = 'x'.repeat(300);
    expect(errorFromResponse(502, 'Bad Gateway', longest).message).toBe(`GWS answered HTTP 502 Bad Gateway: ${longest}`);
    expect(errorFromResponse(404, 'Not Found', '<html><body><h1>404 Not Found</h1></body></html>').message).toBe('GWS answered HTTP 404 Not Found.');
    expect(errorFromResponse(404, 'Not Found', '<!DOCTYPE html><title>x</title>').message).toBe('GWS answered HTTP 404 Not Found.');
    expect(errorFromResponse(502, 'Bad Gateway', 'x'.repeat(301)).message).toBe('GWS answered HTTP 502 Bad Gateway.');
    expect(errorFromResponse(502, 'Bad Gateway', '   ').message).toBe('GWS answered HTTP 502 Bad Gateway.');
    expect(errorFromResponse(502, '', undefined).message).toBe('GWS answered HTTP 502.');
    expect(errorFromResponse(502, '', null)).toMatchObject({ kind: 'http', status: 502, statusCode: undefined, message: 'GWS answered HTTP 502.' });
  });
});

describe('networkError', () => {
  it("adds the cause's message when it is an Error that has one", () => {
    const cause = new TypeError('Failed to fetch');
    expect(networkError(cause)).toMatchObject({ kind: 'network', message: 'Cannot reach GWS: Failed to fetch.', cause });
    expect(networkError(new Error('')).message).toBe('Cannot reach GWS.');
    expect(networkError({ message: 'not an Error' }).message).toBe('Cannot reach GWS.');
    expect(networkError('offline').message).toBe('Cannot reach GWS.');
  });
});
