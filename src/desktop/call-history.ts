/** One line of the softphone's call history (static example data: the softphone is not wired). */
export interface CallRecord {
  readonly id: string;
  /** Local time, HH:MM. */
  readonly time: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly number: string;
  readonly contact: string;
  readonly durationSeconds: number;
  readonly disposition: 'Resolved' | 'Callback' | 'Transferred' | 'Missed' | 'Voicemail';
}

export const CALL_HISTORY: readonly CallRecord[] = [
  { id: 'c1', time: '08:04', direction: 'Inbound', number: '+49 30 5550 1822', contact: 'Jonas Becker', durationSeconds: 312, disposition: 'Resolved' },
  { id: 'c2', time: '08:17', direction: 'Outbound', number: '+33 1 5550 7741', contact: 'Amélie Laurent', durationSeconds: 145, disposition: 'Callback' },
  { id: 'c3', time: '08:26', direction: 'Inbound', number: '+44 20 5550 0193', contact: 'Unknown caller', durationSeconds: 0, disposition: 'Missed' },
  { id: 'c4', time: '08:39', direction: 'Inbound', number: '+91 22 5550 4410', contact: 'Priya Raman', durationSeconds: 498, disposition: 'Transferred' },
  { id: 'c5', time: '08:52', direction: 'Outbound', number: '+34 91 5550 2268', contact: 'Tomás Ortega', durationSeconds: 38, disposition: 'Voicemail' },
  { id: 'c6', time: '09:05', direction: 'Inbound', number: '+47 22 5550 3375', contact: 'Ingrid Halvorsen', durationSeconds: 227, disposition: 'Resolved' },
];

/** `m:ss`, or an en dash for a call that never connected. */
export function formatCallDuration(seconds: number): string {
  if (seconds <= 0) return '–';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
