let audio: AudioContext | null = null;

/**
 * A short two-note chime made on the spot: no sound file to fetch or cache. Browsers start audio
 * only after the page has had a click or key press, which an agent at work has always given.
 */
export function playNotificationTone() {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [index, frequency] of [880, 1320].entries()) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      const at = start + index * 0.12;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      tone.connect(volume).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.3);
    }
  } catch {
    // No audio here (blocked or unsupported): the notification itself still shows.
  }
}
