// Writes data/taxi-demand.csv (synthetic, seeded): `node scripts/generate-taxi-demand.mjs`.
// Trips started per zone and hour over 42 days; the rules below are the known truth a model learns.
import { gauss, rng, write } from './lib/synthetic.mjs';

// Taxi demand: trips started per zone and hour over 42 days. Demand = zone base × hour-of-day profile
// × weekday factor × weather and holiday effects, with Poisson-like noise.
function taxi() {
  const r = rng(20260301);
  const zones = [
    ['Z01', 'Midtown', 120], ['Z02', 'Financial District', 90], ['Z03', 'Airport', 70], ['Z04', 'Harbour', 35],
    ['Z05', 'University', 45], ['Z06', 'Old Town', 60], ['Z07', 'Stadium', 25], ['Z08', 'Riverside', 30],
  ];
  const profile = [0.35, 0.25, 0.18, 0.15, 0.2, 0.35, 0.7, 1.2, 1.5, 1.1, 0.9, 0.95, 1.05, 1.0, 0.95, 1.0, 1.15, 1.45, 1.6, 1.3, 1.05, 0.9, 0.7, 0.5];
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const holidays = new Set([10, 31]);
  const rows = [];
  const start = Date.UTC(2026, 2, 2); // a Monday
  for (let d = 0; d < 42; d++) {
    const dayTemp = 8 + 6 * Math.sin((d / 42) * Math.PI) + 2 * gauss(r);
    const rainyDay = r() < 0.3;
    for (let h = 0; h < 24; h++) {
      const ts = new Date(start + (d * 24 + h) * 3600e3).toISOString().replace('.000', '');
      const temperature = +(dayTemp + 4 * Math.sin(((h - 9) / 24) * 2 * Math.PI) + gauss(r)).toFixed(1);
      const rain = rainyDay && r() < 0.5 ? +(r() * 6).toFixed(1) : 0;
      for (const [zone, name, base] of zones) {
        const weekday = days[d % 7];
        const weekend = weekday === 'Sat' || weekday === 'Sun';
        const holiday = holidays.has(d);
        const event = zone === 'Z07' && (d % 7 === 5) && h >= 17 && h <= 22;
        let mean = base * profile[h] * (weekend ? (zone === 'Z02' ? 0.3 : 0.85) : 1) * (holiday ? 0.6 : 1);
        mean *= 1 + 0.08 * rain + (temperature < 3 ? 0.15 : 0) + (event ? 2.5 : 0);
        const trips = Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(r)));
        rows.push([`${ts}/${zone}`, ts, h, weekday, `${zone} ${name}`, holiday ? 'yes' : 'no', event ? 'yes' : 'no', temperature, r() < 0.04 ? null : rain, trips]);
      }
    }
  }
  write('taxi-demand.csv', ['slot', 'timestamp', 'hour', 'weekday', 'zone', 'holiday', 'event_nearby', 'temperature_c', 'rain_mm', 'trips'], rows);
}

taxi();
