// Writes data/scam-calls.csv (synthetic, seeded): `node scripts/generate-scam-calls.mjs`.
// Calls labelled scam or legit; the rules below are the known truth a model learns.
import { gauss, pick, rng, write } from './lib/synthetic.mjs';

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

scams();
