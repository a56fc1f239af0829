/** Where the built page is served (vite preview, with the mock GWS mounted on the same origin). */
export const PAGE_PORT = 4173;
export const PAGE_ORIGIN = `http://127.0.0.1:${PAGE_PORT}`;

/** The standalone mock GWS that the page reaches cross-origin (`?gws=`). */
export const CROSS_ORIGIN_MOCK_PORT = 8091;
export const CROSS_ORIGIN_MOCK = `http://127.0.0.1:${CROSS_ORIGIN_MOCK_PORT}`;
