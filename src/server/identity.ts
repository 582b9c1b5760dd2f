/**
 * How a person's name and birth date are read and compared, the same way by the simulated
 * carrier (typed data against its subscriber) and by the app (verified person against the LMS
 * account). Birth data travels only as `YYMMDD-D`: the date and the one gender/century digit
 * of the resident registration number, never the other six.
 */

/** A `YYMMDD-D` value taken apart. */
export interface Birth {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The gender/century digit. */
  digit: number;
}

/** The century each gender/century digit stands for: 1,2,5,6 ↔ 19xx; 3,4,7,8 ↔ 20xx. */
const CENTURY_OF_DIGIT: Readonly<Record<number, number>> = {
  1: 1900,
  2: 1900,
  5: 1900,
  6: 1900,
  3: 2000,
  4: 2000,
  7: 2000,
  8: 2000,
};

/** Days in `month` (1–12) of `year`, Gregorian. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `YYMMDD-D` read as a date, or `null` unless it names a real calendar date with a digit of a
 * century that digit allows (digits 9 and 0, for people born in the 1800s, are refused).
 */
export function parseBirth(text: string): Birth | null {
  const match = /^(\d{2})(\d{2})(\d{2})-(\d)$/.exec(text);
  if (!match) return null;
  const [, yy, mm, dd, d] = match as unknown as [string, string, string, string, string];
  const digit = Number(d);
  const century = CENTURY_OF_DIGIT[digit];
  if (century === undefined) return null;
  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { date: `${year}-${mm}-${dd}`, digit };
}

/** A name as compared: Unicode NFC, no outer spaces, single inner spaces, latin letters lower-cased. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
