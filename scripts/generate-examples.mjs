// Writes the two synthetic example data sets, data/taxi-demand.csv and data/scam-calls.csv, from a
// fixed seed: `node scripts/generate-examples.mjs`. The numbers are made up; the shapes are the ones
// such data has in practice (timestamps, categorical locations, yes/no flags, amounts, free text,
// missing values). The rules that produce each label are written out below, so a model's quality on
// them can be judged against a known truth.
import { writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const gauss = (r) => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
const csvCell = (v) => (v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

function write(name, header, rows) {
  const file = path.join(root, 'data', name);
  writeFileSync(`${file}.tmp`, `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`wrote data/${name}: ${rows.length} rows`);
}

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

// Scam calls: a call is a scam when the caller pushes for money or credentials; withheld numbers,
// callers not in the contacts and some countries raise the odds. 8% of labels are noisy.
function scams() {
  const r = rng(20260115);
  const scamLines = [
    'this is your bank security team we detected a suspicious payment please confirm your card number',
    'you have won a prize to claim it pay the processing fee today with a gift card',
    'your tax refund is pending we need your social security number to release it',
    'final notice your account will be suspended unless you pay now',
    'this is technical support your computer has a virus please install this remote access tool',
    'a parcel is held at customs pay the release fee by bank transfer',
    'your grandson is in trouble and needs money for bail do not tell anyone',
  ];
  const legitLines = [
    'hi it is me just calling to see if we are still on for dinner tonight',
    'this is the dental clinic reminding you of your appointment on thursday',
    'hello your order is ready for pickup at the store',
    'calling back about the apartment viewing tomorrow at ten',
    'hey can you send me the slides from the meeting',
    'this is the school office your child forgot a lunch box',
    'your prescription is ready you can collect it any time',
  ];
  const openers = ['hello', 'good morning', 'hi there', 'sir', 'madam', ''];
  const countries = ['US', 'US', 'US', 'GB', 'IN', 'NG', 'PH', 'CA', 'DE', 'unknown'];
  const rows = [];
  for (let i = 0; i < 5000; i++) {
    const country = pick(r, countries);
    const withheld = r() < 0.15;
    const inContacts = !withheld && r() < 0.45;
    let odds = -1.2 + (withheld ? 1.6 : 0) + (inContacts ? -2.5 : 0.6) + (['NG', 'PH', 'unknown'].includes(country) ? 0.9 : 0);
    const scam = 1 / (1 + Math.exp(-odds)) > r();
    const line = scam ? pick(r, scamLines) : pick(r, legitLines);
    const transcript = `${pick(r, openers)} ${line}`.trim();
    const duration = Math.max(5, Math.round((scam ? 95 : 160) * Math.exp(0.6 * gauss(r))));
    const hour = Math.floor((scam ? 9 + 10 * r() : 7 + 15 * r()));
    const amount = scam && r() < 0.7 ? Math.round(Math.exp(5 + 1.3 * gauss(r))) : r() < 0.05 ? Math.round(20 + 80 * r()) : null;
    const label = (r() < 0.08 ? !scam : scam) ? 'scam' : 'legit';
    rows.push([`C${String(100000 + i)}`, country, duration, hour, inContacts ? 'yes' : 'no', withheld ? 'yes' : 'no', amount, transcript, label]);
  }
  write('scam-calls.csv', ['call_id', 'caller_country', 'duration_s', 'hour', 'in_contacts', 'withheld_number', 'amount_requested_usd', 'transcript', 'label'], rows);
}

taxi();
scams();
