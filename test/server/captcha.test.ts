/** The 보안문자 service: vector image, Korean audio (docs/security.md rule 30), single-use constant-time check. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAPTCHA_TTL_MS, createCaptchaService } from '../../src/server/captcha/index.js';
import { digitClips, SAMPLE_RATE } from '../../src/server/captcha/clips.js';
import { constantTimeEqual } from '../../src/server/captcha/compare.js';
import { drawCaptchaImage } from '../../src/server/captcha/image.js';
import { randomInt } from '../../src/server/captcha/random.js';
import { testMemoryStore, testStore } from './stores.js';

/** A service and its store (this run's kind) on one injected clock. */
async function rig(options: { length?: number } = {}) {
  let now = 1_700_000_000_000;
  const clock = () => now;
  const store = await testStore(clock);
  const service = createCaptchaService({ store, clock, ...options });
  return { store, service, advance: (ms: number) => (now += ms) };
}

/** ASCII digits → full-width digits with a space in the middle, as an IME might type them. */
const fullWidth = (digits: string) =>
  [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('').replace(/^(.{3})/, '$1 ');

/** The fields of a WAV header and its samples. */
function parseWav(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  const samples = new Float32Array((bytes.length - 44) / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true) / 32768;
  return {
    riff: text(0, 4),
    riffSize: view.getUint32(4, true),
    wave: text(8, 4),
    fmt: text(12, 4),
    fmtSize: view.getUint32(16, true),
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    byteRate: view.getUint32(28, true),
    blockAlign: view.getUint16(32, true),
    bits: view.getUint16(34, true),
    data: text(36, 4),
    dataSize: view.getUint32(40, true),
    samples,
  };
}

const rms = (samples: Float32Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
};

/**
 * Speech bursts in the track: RMS over 20 ms frames, frames louder than 4× the noise floor
 * (the 20th percentile frame, since well over a fifth of the track is noise alone), runs
 * closer than 120 ms merged (a stop consonant inside a word), runs under 60 ms dropped.
 * Returns each burst's first sample.
 */
function bursts(samples: Float32Array): number[] {
  const frame = SAMPLE_RATE / 50;
  const levels: number[] = [];
  for (let at = 0; at + frame <= samples.length; at += frame) levels.push(rms(samples, at, at + frame));
  const floor = [...levels].sort((a, b) => a - b)[Math.floor(levels.length * 0.2)]!;
  const runs: Array<[number, number]> = [];
  levels.forEach((level, i) => {
    if (level < floor * 4) return;
    const last = runs.at(-1);
    if (last && i - last[1] <= 6) last[1] = i;
    else runs.push([i, i]);
  });
  return runs.filter(([a, b]) => b - a + 1 >= 3).map(([a]) => a * frame);
}

/** Running sum of squares of `track`, so a window's energy is one subtraction. */
const energies = (track: Float32Array) => {
  const sums = new Float64Array(track.length + 1);
  for (let i = 0; i < track.length; i++) sums[i + 1] = sums[i]! + track[i]! * track[i]!;
  return sums;
};

/** Best normalised correlation of `clip` against `track` for starts in [from, to). */
function bestMatch(track: Float32Array, sums: Float64Array, clip: Float32Array, from: number, to: number): number {
  const clipEnergy = Math.sqrt(clip.reduce((sum, v) => sum + v * v, 0));
  let best = -1;
  for (let start = Math.max(0, from); start < to && start + clip.length <= track.length; start++) {
    let dot = 0;
    for (let j = 0; j < clip.length; j++) dot += track[start + j]! * clip[j]!;
    const energy = sums[start + clip.length]! - sums[start]!;
    best = Math.max(best, dot / (Math.sqrt(energy) * clipEnergy || 1));
  }
  return best;
}

describe('captcha issue', () => {
  test('answers the CaptchaResponse shape: 6 glyph paths + 4–6 noise paths in 180 × 60, 300 s', async () => {
    const { service } = await rig();
    const captcha = await service.issue();
    assert.deepEqual(Object.keys(captcha).sort(), ['expiresIn', 'id', 'image', 'length']);
    assert.match(captcha.id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(captcha.length, 6);
    assert.equal(captcha.expiresIn, 300);
    assert.deepEqual(Object.keys(captcha.image).sort(), ['height', 'paths', 'width']);
    assert.equal(captcha.image.width, 180);
    assert.equal(captcha.image.height, 60);
    assert.ok(captcha.image.paths.length >= 10 && captcha.image.paths.length <= 12, `${captcha.image.paths.length} paths`);
    assert.match(String(await service.answerOf(captcha.id)), /^[0-9]{6}$/);
  });

  test('path data is plain M/L/Q/C commands with at most one decimal, and stays small', async () => {
    const { service } = await rig();
    for (let i = 0; i < 20; i++) {
      const { image } = await service.issue();
      for (const d of image.paths) {
        assert.match(d, /^M[-0-9. MLQC]+$/, d);
        for (const number of d.split(/[\sMLQC]+/).filter(Boolean)) assert.match(number, /^-?\d+(\.\d)?$/, d);
      }
      assert.ok(JSON.stringify(image).length < 1600, 'the picture stays under 1.6 kB of JSON');
    }
  });

  test('ids, answers and drawings differ between calls', async () => {
    const { service } = await rig();
    const issued = await Promise.all(Array.from({ length: 20 }, () => service.issue()));
    assert.equal(new Set(issued.map((c) => c.id)).size, 20);
    const answers = await Promise.all(issued.map((c) => service.answerOf(c.id)));
    assert.ok(new Set(answers).size > 15, 'answers repeat far less than by chance of 1 in a million');
    assert.notDeepEqual(drawCaptchaImage('123456').paths.sort(), drawCaptchaImage('123456').paths.sort());
  });

  test('answers hold every digit over many draws (no stuck digit)', async () => {
    const { service } = await rig();
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) for (const d of String(await service.answerOf((await service.issue()).id))) seen.add(d);
    assert.equal(seen.size, 10);
  });

  test('a configured length changes the answer and the glyph count, and widens the picture when needed', async () => {
    const four = await rig({ length: 4 });
    const small = await four.service.issue();
    assert.equal(small.length, 4);
    assert.match(String(await four.service.answerOf(small.id)), /^[0-9]{4}$/);
    assert.ok(small.image.paths.length >= 8 && small.image.paths.length <= 10);
    const eight = await rig({ length: 8 });
    const wide = await eight.service.issue();
    assert.ok(wide.image.width > 180);
    for (const length of [0, 11, 2.5, Number.NaN]) {
      assert.throws(() => createCaptchaService({ store: testMemoryStore(), length }), RangeError);
    }
  });

  test('the store holds the answer under captcha:<id> for 5 minutes, and nothing else', async () => {
    const { service, store, advance } = await rig();
    const { id } = await service.issue();
    const dump = (await store.dump());
    assert.equal(dump.length, 1);
    assert.equal(dump[0]![0], `captcha:${id}`);
    assert.equal((dump[0]![1] as { answer: string }).answer, await service.answerOf(id));
    advance(CAPTCHA_TTL_MS);
    assert.equal((await store.dump()).length, 0);
  });
});

describe('captcha check', () => {
  test('the right answer passes once; the second time it fails', async () => {
    const { service } = await rig();
    const { id } = await service.issue();
    const answer = (await service.answerOf(id))!;
    assert.equal(await service.check(id, answer), true);
    assert.equal(await service.check(id, answer), false);
    assert.equal(await service.answerOf(id), null);
    assert.equal(await service.audio(id), null);
  });

  test('a wrong answer fails and consumes the challenge: the right one then fails too', async () => {
    const { service } = await rig();
    const { id } = await service.issue();
    const answer = (await service.answerOf(id))!;
    const wrong = answer.replace(/^./, (d) => String((Number(d) + 1) % 10));
    assert.equal(await service.check(id, wrong), false);
    assert.equal(await service.check(id, answer), false);
  });

  test('full-width digits and spaces are accepted', async () => {
    const { service } = await rig();
    const a = await service.issue();
    assert.equal(await service.check(a.id, fullWidth((await service.answerOf(a.id))!)), true);
    const b = await service.issue();
    assert.equal(await service.check(b.id, ` ${(await service.answerOf(b.id))!.split('').join(' ')} `), true);
  });

  test('near misses fail: prefix, extra digit, letters, empty', async () => {
    const { service } = await rig();
    for (const mangle of [(a: string) => a.slice(0, 5), (a: string) => a + '0', (a: string) => a.replace(/.$/, 'O'), () => '']) {
      const { id } = await service.issue();
      assert.equal(await service.check(id, mangle((await service.answerOf(id))!)), false);
    }
  });

  test('expired (clock past the TTL) fails; just before it still passes', async () => {
    const { service, advance } = await rig();
    const early = await service.issue();
    const late = await service.issue();
    const earlyAnswer = (await service.answerOf(early.id))!;
    const lateAnswer = (await service.answerOf(late.id))!;
    advance(CAPTCHA_TTL_MS - 1);
    assert.equal(await service.check(early.id, earlyAnswer), true);
    advance(2);
    assert.equal(await service.check(late.id, lateAnswer), false);
    assert.equal(await service.answerOf(late.id), null);
  });

  test('unknown, malformed and hostile ids fail without error', async () => {
    const { service, store } = await rig();
    const { id } = await service.issue();
    const answer = (await service.answerOf(id))!;
    for (const bad of ['A'.repeat(22), '', 'x', `used:${id}`, `${id}x`, '../../etc', id.slice(1)]) {
      assert.equal(await service.check(bad, answer), false, bad);
      assert.equal(await service.audio(bad), null, bad);
      assert.equal(await service.answerOf(bad), null, bad);
    }
    assert.equal((await store.dump()).length, 1, 'bad ids wrote nothing');
    assert.equal(await service.check(id, 123456 as unknown as string), false);
    assert.equal(await service.check(id, answer), false, 'a non-string answer consumed it too');
  });

  test('parallel checks of one challenge: exactly one passes', async () => {
    const { service } = await rig();
    const { id } = await service.issue();
    const answer = (await service.answerOf(id))!;
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => service.check(id, answer)));
    assert.equal(verdicts.filter(Boolean).length, 1);
  });

  test('constant-time comparison agrees with ===', () => {
    for (const [a, b] of [
      ['123456', '123456'],
      ['123457', '123456'],
      ['12345', '123456'],
      ['1234567', '123456'],
      ['', '123456'],
      ['\u0000', ''],
    ]) {
      assert.equal(constantTimeEqual(a!, b!), a === b, `${a} vs ${b}`);
    }
  });

  test('randomInt stays in range and refuses bad ranges', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[randomInt(10)]!++;
    // Each digit expects 1000; 800..1200 is more than six standard deviations wide.
    for (const count of counts) assert.ok(count > 800 && count < 1200, String(counts));
    assert.equal(randomInt(1), 0);
    for (const n of [0, -1, 1.5, 2 ** 32 + 1]) assert.throws(() => randomInt(n), RangeError);
  });
});

describe('captcha audio', () => {
  test('a 16-bit mono 8 kHz RIFF/WAVE with a correct header, 2.5–8 s long', async () => {
    const { service } = await rig();
    const { id } = await service.issue();
    const bytes = (await service.audio(id))!;
    assert.ok(bytes instanceof Uint8Array);
    const wav = parseWav(bytes);
    assert.equal(wav.riff, 'RIFF');
    assert.equal(wav.wave, 'WAVE');
    assert.equal(wav.fmt, 'fmt ');
    assert.equal(wav.fmtSize, 16);
    assert.equal(wav.format, 1, 'PCM');
    assert.equal(wav.channels, 1);
    assert.equal(wav.sampleRate, 8000);
    assert.equal(wav.byteRate, 16000);
    assert.equal(wav.blockAlign, 2);
    assert.equal(wav.bits, 16);
    assert.equal(wav.data, 'data');
    assert.equal(wav.dataSize, bytes.length - 44);
    assert.equal(wav.riffSize, bytes.length - 8);
    const seconds = wav.samples.length / 8000;
    assert.ok(seconds > 2.5 && seconds < 8, `${seconds} s`);
  });

  test('two downloads of one challenge differ, and listening does not consume it', async () => {
    const { service } = await rig();
    const { id } = await service.issue();
    const a = (await service.audio(id))!;
    const b = (await service.audio(id))!;
    assert.notDeepEqual(a, b);
    assert.equal(await service.check(id, (await service.answerOf(id))!), true);
  });

  test('unknown or expired id → null', async () => {
    const { service, advance } = await rig();
    assert.equal(await service.audio('A'.repeat(22)), null);
    const { id } = await service.issue();
    advance(CAPTCHA_TTL_MS);
    assert.equal(await service.audio(id), null);
  });

  test('each digit clip is non-silent speech shorter than 1.2 s', () => {
    const clips = digitClips();
    assert.equal(clips.length, 10);
    clips.forEach((clip, digit) => {
      const seconds = clip.length / SAMPLE_RATE;
      assert.ok(seconds > 0.15 && seconds < 1.2, `${digit}: ${seconds} s`);
      assert.ok(rms(clip) > 0.05, `${digit}: RMS ${rms(clip)}`);
    });
  });

  test('the track has one burst per digit above the noise floor, each the right word in order', async () => {
    const { service } = await rig();
    const clips = digitClips();
    for (let round = 0; round < 3; round++) {
      const { id } = await service.issue();
      const answer = (await service.answerOf(id))!;
      const { samples } = parseWav((await service.audio(id))!);
      const starts = bursts(samples);
      const sums = energies(samples);
      assert.equal(starts.length, 6, `answer ${answer}: bursts at ${starts.map((s) => (s / 8000).toFixed(2))}`);
      // Where each burst begins, the expected word's clip must be there (gain and noise aside),
      // and match better than any other digit's. A burst starts up to 0.2 s into its word (the
      // soft ㅊ of 칠 stays under the threshold), hence the search reaching 0.3 s back.
      [...answer].forEach((d, i) => {
        const from = starts[i]! - 0.3 * SAMPLE_RATE;
        const score = (digit: number) => bestMatch(samples, sums, clips[digit]!, from, starts[i]! + 0.05 * SAMPLE_RATE);
        const expected = score(Number(d));
        assert.ok(expected > 0.9, `answer ${answer}, word ${i}: correlation ${expected.toFixed(3)}`);
        for (let other = 0; other < 10; other++) {
          if (other !== Number(d)) assert.ok(score(other) < expected, `word ${i} matches ${other} better than ${d}`);
        }
      });
    }
  });
});
