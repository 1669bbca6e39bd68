// A short two-tone chime for a new request, made with the Web Audio API (no sound file, nothing
// fetched). If the browser blocks or lacks audio, it stays silent: the visible alert is the one
// that must always work.
type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

export function playArrivalChime(): void {
  try {
    const Ctx: AudioContextClass | undefined =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    if (!Ctx) return;
    context ??= new Ctx();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const start = ctx.currentTime + 0.02;
    [880, 660].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t = start + i * 0.22;
      osc.type = 'sine';
      osc.frequency.setValueAtTime(frequency, t);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.21);
    });
  } catch {
    // Audio refused (autoplay policy, no device): silent.
  }
}
