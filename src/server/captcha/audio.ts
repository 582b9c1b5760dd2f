/**
 * The 음성듣기 version of the captcha (docs/security.md rule 30): the digits spoken in Korean over noise,
 * mixed on the server so the widget only plays a file. Gaps, gains, noise and tone are drawn
 * afresh on every call, so two downloads never share bytes and a bot cannot match a digit
 * by comparing samples against the clips it has heard before.
 */
import { digitClips, SAMPLE_RATE } from './clips.js';
import { randomBetween, randomUnit } from './random.js';
import { encodeWav } from './wav.js';

/** Decibels → linear amplitude ratio. */
const dB = (value: number): number => 10 ** (value / 20);

/** Seconds → whole samples. */
const samples = (seconds: number): number => Math.round(seconds * SAMPLE_RATE);

/**
 * Noise RMS relative to the speech peak. White-ish noise peaks about 10 dB above its RMS, so
 * the noise's own peaks sit near −20 dB: clearly audible, never masking a vowel.
 */
const NOISE_RMS_DB = -29;
/** Level of the faint steady tone relative to the speech peak. */
const TONE_DB = -32;
/** Fade at both ends of the track, so playback neither starts nor stops with a click. */
const FADE_SECONDS = 0.02;

/** Random white noise through a gentle one-pole low-pass, scaled to `rms`. */
function noise(length: number, rms: number): Float32Array {
  const out = new Float32Array(length);
  // A smoothing factor well below 1 takes the hiss off the top without muffling it into a rumble.
  const alpha = randomBetween(0.35, 0.6);
  let state = 0;
  let power = 0;
  for (let i = 0; i < length; i++) {
    state += alpha * (randomUnit() * 2 - 1 - state);
    out[i] = state;
    power += state * state;
  }
  const scale = rms / Math.sqrt(power / Math.max(1, length) || 1);
  for (let i = 0; i < length; i++) out[i]! *= scale;
  return out;
}

/** Adds a faint tone of random pitch whose loudness drifts slowly, so it cannot be notched out by a fixed filter. */
function addTone(track: Float32Array, level: number): void {
  const pitch = randomBetween(250, 900);
  const drift = randomBetween(0.2, 1.2);
  const phase = randomBetween(0, 2 * Math.PI);
  for (let i = 0; i < track.length; i++) {
    const t = i / SAMPLE_RATE;
    const swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * drift * t + phase);
    track[i]! += level * swell * Math.sin(2 * Math.PI * pitch * t);
  }
}

/** A 16-bit PCM mono WAV of `digits` (ASCII digits) read out in Korean over noise. */
export function mixCaptchaAudio(digits: string): Uint8Array<ArrayBuffer> {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError('mixCaptchaAudio: digits only');
  const clips = digitClips();
  const words = [...digits].map((d) => clips[Number(d)]!);

  // Lay out first: a short lead-in (players often swallow the first instant), the words with
  // random gaps between them, and a short tail.
  const starts: number[] = [];
  let cursor = samples(randomBetween(0.3, 0.5));
  for (const [i, clip] of words.entries()) {
    if (i > 0) cursor += samples(randomBetween(0.35, 0.6));
    starts.push(cursor);
    cursor += clip.length;
  }
  const track = new Float32Array(cursor + samples(randomBetween(0.3, 0.5)));

  let peak = 0;
  for (const [i, clip] of words.entries()) {
    const gain = randomBetween(0.8, 1);
    const at = starts[i]!;
    for (let j = 0; j < clip.length; j++) {
      const value = clip[j]! * gain;
      track[at + j] = value;
      peak = Math.max(peak, Math.abs(value));
    }
  }

  // Levels follow this call's speech peak, ±2 dB, so the noise floor is not a constant either.
  const bed = noise(track.length, peak * dB(NOISE_RMS_DB + randomBetween(-2, 2)));
  for (let i = 0; i < track.length; i++) track[i]! += bed[i]!;
  addTone(track, peak * dB(TONE_DB + randomBetween(-2, 2)));

  const fade = samples(FADE_SECONDS);
  const pcm = new Int16Array(track.length);
  for (let i = 0; i < track.length; i++) {
    const edge = Math.min(1, i / fade, (track.length - 1 - i) / fade);
    pcm[i] = Math.max(-32768, Math.min(32767, Math.round(track[i]! * edge * 32767)));
  }
  return encodeWav(pcm, SAMPLE_RATE);
}
