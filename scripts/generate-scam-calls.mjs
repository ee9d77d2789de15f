// Writes the scam-call example (synthetic, seeded) in three monthly batches:
// `node scripts/generate-scam-calls.mjs` → data/scam-calls/2026-08.csv, 2026-09.csv, 2026-10.csv.
// The rules below are the known truth a model learns, and the change it must notice.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gauss, pick, rng, root, write } from './lib/synthetic.mjs';

// What a call asks for decides most of its risk. Through August and September, scammers mostly walk the
// victim to a fake bank website; in October most ask for a UPI payment instead (a collect request, a QR
// code), and more calls come from India and from numbers that show no country. The label follows the
// same rule in every month (a change in who calls, not in what a scam is), so a model that saw few UPI
// calls is unsure of them, and its own confidence says how much the change costs.
const LINES = {
  none: {
    calm: ['hi it is me just calling to see if we are still on for dinner tonight', 'this is the dental clinic reminding you of your appointment on thursday', 'hello your order is ready for pickup at the store', 'hey can you send me the slides from the meeting'],
    pushy: ['calling back about the apartment viewing tomorrow at ten please call back today', 'this is the school office your child forgot a lunch box please come now'],
  },
  website: {
    calm: ['this is your bank we noticed a new login please check the bank website', 'your statement is ready on the bank website'],
    pushy: ['this is your bank security team we detected a suspicious payment open the bank website link now and confirm your card number', 'final notice your card is blocked open the secure bank page and enter your details now'],
  },
  upi: {
    calm: ['i paid you back for the movie tickets on upi just check', 'send the rent on upi when you can'],
    pushy: ['sir cashback pending kindly accept upi collect request to receive money', 'scan qr code then enter upi pin to get money back now', 'electricity cut tonight clear dues now via upi to this number'],
  },
  gift: {
    calm: ['the store gift card you ordered is ready'],
    pushy: ['you have won a prize to claim it pay the processing fee today with a gift card', 'your grandson is in trouble and needs money for bail buy gift cards do not tell anyone'],
  },
};
const OPENERS = ['hello', 'good morning', 'hi there', 'sir', 'madam', ''];

const REGIMES = {
  before: { countries: ['US', 'US', 'US', 'GB', 'IN', 'NG', 'PH', 'CA', 'DE', 'unknown'], pay: { none: 0.7, website: 0.17, upi: 0.03, gift: 0.1 } },
  after: { countries: ['IN', 'IN', 'IN', 'IN', 'US', 'unknown', 'unknown', 'GB', 'PH', 'NG'], pay: { none: 0.55, website: 0.04, upi: 0.35, gift: 0.06 } },
};
const PAY_ODDS = { none: -1.2, website: 2.2, upi: 0.6, gift: 2.2 };

function choose(r, shares) {
  let u = r();
  for (const [k, p] of Object.entries(shares)) {
    if (u < p) return k;
    u -= p;
  }
  return Object.keys(shares).at(-1);
}

function batch(file, seed, firstId, regime) {
  const r = rng(seed);
  const { countries, pay: payShares } = REGIMES[regime];
  const rows = [];
  for (let i = 0; i < 5000; i++) {
    const country = pick(r, countries);
    const withheld = r() < 0.15;
    const inContacts = !withheld && r() < 0.45;
    const pay = choose(r, payShares);
    const pushy = r() < (pay === 'none' ? 0.2 : 0.55);
    const transcript = `${pick(r, OPENERS)} ${pick(r, LINES[pay][pushy ? 'pushy' : 'calm'])}`.trim();
    const website = pay === 'website' ? r() < 0.9 : r() < 0.03;
    const upi = pay === 'upi' ? r() < 0.9 : r() < 0.03;
    const duration = Math.max(5, Math.round((pushy ? 95 : 160) * Math.exp(0.6 * gauss(r))));
    const hour = Math.floor(pushy ? 9 + 10 * r() : 7 + 15 * r());
    const amount = pay !== 'none' && r() < 0.7 ? Math.round(Math.exp(5 + 1.3 * gauss(r))) : r() < 0.05 ? Math.round(20 + 80 * r()) : null;
    // The same rule every month: who calls, what they ask for, and how hard they push.
    const odds = -1.6 + (withheld ? 1.6 : 0) + (inContacts ? -2.5 : 0.6) + (['NG', 'PH', 'unknown'].includes(country) ? 0.9 : 0) + PAY_ODDS[pay] + (pushy ? 1.4 : 0) + (pay === 'upi' && !inContacts && pushy ? 1.5 : 0);
    const scam = 1 / (1 + Math.exp(-2 * odds)) > r();
    // 5% of labels are wrong, as labels are in practice.
    const label = (r() < 0.05 ? !scam : scam) ? 'scam' : 'legit';
    rows.push([`C${String(firstId + i)}`, country, duration, hour, inContacts ? 'yes' : 'no', withheld ? 'yes' : 'no', website ? 'yes' : 'no', upi ? 'yes' : 'no', amount, transcript, label]);
  }
  write(file, ['call_id', 'caller_country', 'duration_s', 'hour', 'in_contacts', 'withheld_number', 'opened_bank_website', 'upi_payment', 'amount_requested_usd', 'transcript', 'label'], rows);
}

mkdirSync(path.join(root, 'data', 'scam-calls'), { recursive: true });
batch('scam-calls/2026-08.csv', 20260115, 100000, 'before');
batch('scam-calls/2026-09.csv', 20260916, 105000, 'before');
batch('scam-calls/2026-10.csv', 20261017, 110000, 'after');
