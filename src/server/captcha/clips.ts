/** Decodes the committed digit clips once, on first use, into samples the mixer can scale. */
import { CLIP_SAMPLE_RATE, DIGIT_CLIPS } from './digit-clips.js';

/** Sample rate of the decoded clips, in Hz. */
export const SAMPLE_RATE = CLIP_SAMPLE_RATE;

let decoded: Float32Array[] | undefined;

/** Raw PCM16LE bytes → samples in [-1, 1). */
function decode(base64: string): Float32Array {
  const binary = atob(base64);
  const view = new DataView(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)).buffer);
  const samples = new Float32Array(binary.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  return samples;
}

/** Each digit's spoken word as samples at {@link SAMPLE_RATE}, indexed by the digit. */
export function digitClips(): readonly Float32Array[] {
  // Decoding is lazy so that a server that never serves audio never pays for it.
  decoded ??= DIGIT_CLIPS.map(decode);
  return decoded;
}
