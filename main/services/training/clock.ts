/** "Now" for training (overridable in tests and the demo generator). */
export const clock = { now: () => new Date() };
export const todayIso = () => clock.now().toISOString().slice(0, 10);
export const nowIso = () => clock.now().toISOString();
