/** How the simulated phone writes numbers, times and carriers. */

/** Carrier names as the PASS app shows them (the same as the carrier picker's). */
export { CARRIER_LABELS } from '../../src/pass-carrier-picker/pass-carrier-picker.ts';

/** `01012345678` → `010-1234-5678` (`0111234567` → `011-123-4567`). */
export function formatPhone(digits: string): string {
  return digits.length === 11
    ? `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`
    : `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** Epoch milliseconds (or seconds, read as such when too small to be milliseconds) as a Date. */
export function toDate(epoch: number): Date {
  return new Date(epoch < 1e12 ? epoch * 1000 : epoch);
}

// A Korean phone shows Korean time whatever the machine running the demo is set to.
const CLOCK = new Intl.DateTimeFormat('ko-KR', {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Asia/Seoul',
});

/** `오후 3:04:05`, in Korean time. */
export function formatTime(date: Date): string {
  return CLOCK.format(date);
}
