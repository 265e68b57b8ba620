// The demo page: every element, live, sharing one provider; a log of events.
import '../src/index.js';
import '../src/locales/de.js';
import type { MentorshipProvider } from '../src/index.js';
import { BRANDS } from './brands.js';

const provider = document.querySelector<MentorshipProvider>('#provider')!;
const log = document.querySelector<HTMLOListElement>('#event-log')!;
const params = new URLSearchParams(location.search);

function addLogEntry(name: string, detail: unknown): void {
  const item = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = `${new Date().toLocaleTimeString()} ${name}`;
  const body = document.createElement('code');
  body.textContent = ` ${summarize(detail)}`; // textContent: user text is never parsed as HTML
  item.append(title, body);
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild!.remove();
}

function summarize(detail: unknown): string {
  const text = JSON.stringify(detail);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

for (const name of ['mentorship-change', 'commitment-change', 'program-select', 'booking-confirmed', 'booking-cancelled', 'booking-rescheduled', 'session-change', 'mentorship-error']) {
  document.addEventListener(name, (event) => addLogEntry(name, (event as CustomEvent).detail));
}

const elements = () => document.querySelectorAll('mentorship-provider, commitment-calculator, program-picker, mentor-booking, session-tracker');

const themeSelect = document.querySelector<HTMLSelectElement>('#theme-select')!;
themeSelect.addEventListener('change', () => {
  const theme = themeSelect.value;
  document.documentElement.dataset.theme = theme;
  for (const el of elements()) theme ? el.setAttribute('theme', theme) : el.removeAttribute('theme');
});

const brandSelect = document.querySelector<HTMLSelectElement>('#brand-select')!;
const themeCss = document.querySelector<HTMLElement>('#theme-css')!;
function showBrand(): void {
  for (const tokens of Object.values(BRANDS)) for (const name of Object.keys(tokens)) document.body.style.removeProperty(name);
  const tokens = BRANDS[brandSelect.value] ?? {};
  for (const [name, value] of Object.entries(tokens)) document.body.style.setProperty(name, value);
  const theme = themeSelect.value ? `\n\n/* and ${themeSelect.value} mode on every element */\n<commitment-calculator theme="${themeSelect.value}">…` : '';
  const body = Object.entries(tokens).map(([name, value]) => `  ${name}: ${value};`).join('\n');
  themeCss.textContent = (body ? `body {\n${body}\n}` : "/* the kit's defaults: nothing to write */") + theme;
}
brandSelect.addEventListener('change', showBrand);
themeSelect.addEventListener('change', showBrand);

const localeSelect = document.querySelector<HTMLSelectElement>('#locale-select')!;
localeSelect.addEventListener('change', () => {
  for (const el of elements()) localeSelect.value ? el.setAttribute('locale', localeSelect.value) : el.removeAttribute('locale');
});

const backendSelect = document.querySelector<HTMLSelectElement>('#backend-select')!;
const serverUrl = params.get('server') ?? 'http://127.0.0.1:8787/v1';
async function useBackend(kind: string): Promise<void> {
  if (kind === 'http') {
    provider.setAttribute('base-url', serverUrl);
    // A mentee token so the tracker can store sessions: ?token=…, else the dev server's own
    // (`npm run server` without AUTH_SECRET). A real site signs its mentees in instead.
    const dev: { token?: string } = await fetch(`${serverUrl}/dev/token`).then((r) => (r.ok ? r.json() : {}), () => ({}));
    provider.token = params.get('token') ?? dev.token ?? '';
    provider.setAttribute('backend', 'http');
  } else {
    provider.setAttribute('backend', 'local');
  }
}
backendSelect.value = params.get('backend') === 'http' ? 'http' : 'local';
void useBackend(backendSelect.value);
backendSelect.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('backend', backendSelect.value);
  history.replaceState(null, '', url);
  void useBackend(backendSelect.value);
});
