/* global registerProcessor, AudioWorkletProcessor, sampleRate */
/**
 * Live-guidance capture: turns one audio source into 100 ms frames of mono signed
 * 16-bit PCM at the context's rate (16 kHz where the browser allows it), with the
 * frame's level for the meter. Runs on the audio thread; the page sends the frames on.
 * A plain script in public/: a worklet is loaded by URL, and the CSP allows only 'self'.
 */
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.size = Math.round(sampleRate / 10);
    this.buf = new Float32Array(this.size);
    this.fill = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const n = input[0].length;
    for (let i = 0; i < n; i++) {
      // mix the source's channels down to one
      let v = 0;
      for (let c = 0; c < input.length; c++) v += input[c][i];
      this.buf[this.fill++] = v / input.length;
      if (this.fill === this.size) this.flush();
    }
    return true;
  }

  flush() {
    const pcm = new Int16Array(this.size);
    let sum = 0;
    let peak = 0;
    for (let i = 0; i < this.size; i++) {
      const v = Math.max(-1, Math.min(1, this.buf[i]));
      sum += v * v;
      if (Math.abs(v) > peak) peak = Math.abs(v);
      pcm[i] = v < 0 ? v * 32768 : v * 32767;
    }
    this.fill = 0;
    this.port.postMessage({ pcm: pcm.buffer, rate: sampleRate, rms: Math.sqrt(sum / this.size), peak }, [pcm.buffer]);
  }
}

registerProcessor('pcm-capture', PcmCapture);
