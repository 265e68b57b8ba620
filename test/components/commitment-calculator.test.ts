import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/commitment-calculator.js';
import '../../src/define/mentorship-provider.js';
import type { CommitmentCalculator, CommitmentChangeDetail } from '../../src/components/commitment-calculator/commitment-calculator.js';
import { en } from '../../src/components/commitment-calculator/commitment-calculator.messages.js';
import type { MentorshipErrorDetail } from '../../src/components/shared/mk-element.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { localClient, nextChange } from '../helpers.js';
import { listText, plain, unitText } from '../intl.js';
import '../../src/locales/de.js';

type Calc = CommitmentCalculator;

/** Mounts the calculator inside a provider with `client`; waits until it is ready (or `state`). */
async function mount(client: MentorshipClient, attrs: Record<string, string> = {}, state = 'ready'): Promise<Calc> {
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
  const el = document.createElement('commitment-calculator');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrapper.append(el);
  await waitUntil(() => el.getAttribute('state') === state, `state ${state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const root = (el: Calc) => el.shadowRoot!;
/** What a sighted user reads in a cell: the visible part (≥ 7), not the screen-reader text. */
const visible = (cell: Element): string => {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
};
const row = (el: Calc, name: string) => [...root(el).querySelectorAll(`tr[data-row=${name}] td`)].map(visible);
const totals = (el: Calc) => row(el, 'total');
const input = (el: Calc, name: string) => root(el).querySelector<HTMLInputElement>(`input[name=${name}]`)!;
/** Hours as the element formats them, through the same Intl call (see ../intl.ts): "5.5 hr", "0,5 Std.". */
const hr = (n: number, locale = navigator.language) => unitText(locale, n, 'hour', { maximumFractionDigits: 2 });
const list = (items: string[]) => listText(navigator.language, items);
const alertText = (el: Calc) => root(el).querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Replaces the field's text by typing, as a user would. */
async function typeInto(el: Calc, name: string, text: string): Promise<void> {
  const field = input(el, name);
  field.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await el.updateComplete;
}

const memory = () => createClient({ backend: memoryBackend() });

describe('<commitment-calculator>', () => {
  it('shows the three-tier model by default: X = 3 gives 8, ≥ 7, ≥ 5.5 and reaches 12', async () => {
    const el = await mount(memory());
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
    expect(row(el, 'cycle')).to.deep.equal(['96', '≥ 84', '≥ 66']);
    expect(row(el, 'people')).to.deep.equal(['1', '3', '9']);
    const headers = [...root(el).querySelectorAll('thead th[scope=col]')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Activity', 'Lead mentor', 'Mentor-mentee', 'Mentee']);
    expect([...root(el).querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent!.trim())).to.deep.equal([
      'One-on-ones',
      'Weekly review',
      'Project / practice',
      'Code review',
    ]);
    expect(root(el).querySelector('caption')!.textContent!.trim()).to.equal('Weekly hours by role and activity: Three-tier community mentorship');
    expect(root(el).querySelector('[part=reach]')!.textContent).to.equal('One lead reaches 12 people.');
    expect(input(el, 'mentees-per-mentor').value).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('shows "2 or more" figures as minimums, with "at least" for screen readers', async () => {
    const el = await mount(memory());
    const practice = [...root(el).querySelectorAll('tbody tr')][2]!;
    const cells = [...practice.querySelectorAll('td')];
    expect(cells.map(visible)).to.deep.equal(['—', '≥ 2', '≥ 3']);
    expect(cells[1]!.querySelector('[aria-hidden=true]')!.textContent).to.equal('≥\u00a02');
    expect(cells[1]!.querySelector('.visually-hidden')!.textContent).to.equal('at least 2');
    expect(cells[0]!.querySelector('.visually-hidden')!.textContent).to.equal('not part of this role');
    const codeReview = [...root(el).querySelectorAll('tbody tr')][3]!.querySelector('td')!;
    expect(visible(codeReview)).to.equal('≈ 4');
    expect(codeReview.querySelector('.visually-hidden')!.textContent).to.equal('about 4');
  });

  it('recomputes as the user types X: 0 gives 5, 4, 5.5; 10 gives 15, 14, 5.5', async () => {
    const el = await mount(memory());
    const details: CommitmentChangeDetail[] = [];
    el.addEventListener('commitment-change', (e) => details.push(e.detail));
    await typeInto(el, 'mentees-per-mentor', '0');
    expect(details.at(-1)!.input).to.deep.equal({ menteesPerMentor: 0, weeks: 12 });
    expect(details.at(-1)!.result.roles.map((r) => r.weeklyHours)).to.deep.equal([5, 4, 5.5]);
    expect(totals(el)).to.deep.equal(['5', '≥ 4', '≥ 5.5']);
    expect(el.menteesPerMentor).to.equal(0);
    expect(el.getAttribute('mentees-per-mentor')).to.equal('0');

    details.length = 0;
    await typeInto(el, 'mentees-per-mentor', '10');
    // One event per keystroke: "1", then "10".
    expect(details.map((d) => d.input.menteesPerMentor)).to.deep.equal([1, 10]);
    const last = details.at(-1)!;
    expect(last.result.roles.map((r) => r.weeklyHours)).to.deep.equal([15, 14, 5.5]);
    expect(last.result.reach).to.equal(110);
    expect(last.result.tierSizes).to.deep.equal([1, 10, 100]);
    expect(totals(el)).to.deep.equal(['15', '≥ 14', '≥ 5.5']);
    expect(row(el, 'people')).to.deep.equal(['1', '10', '100']);
    expect(root(el).querySelector('[part=reach]')!.textContent).to.contain('One lead reaches 110 people.');
    expect(last.result.roles[0]!.activities.map((a) => a.hours)).to.deep.equal([10, 1, 4]);
  });

  it('steps X and weeks with the arrow keys and announces the totals politely', async () => {
    const el = await mount(memory());
    input(el, 'mentees-per-mentor').focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['9', '≥ 8', '≥ 5.5']);
    input(el, 'weeks').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.weeks).to.equal(11);
    expect(row(el, 'cycle')).to.deep.equal(['99', '≥ 88', '≥ 60.5']);
    expect(root(el).querySelector('tr[data-row=cycle] th')!.textContent!.trim()).to.equal('Over 11 weeks');
    const live = root(el).querySelector('[aria-live=polite]')!;
    expect(plain(live.textContent)).to.equal(`Weekly hours: ${list([`Lead mentor: ${hr(9)}`, `Mentor-mentee: at least ${hr(8)}`, `Mentee: at least ${hr(5.5)}`])}.`);
  });

  it('says which roles fit the available hours', async () => {
    const el = await mount(memory(), { 'available-hours': '6' });
    expect(row(el, 'fit')).to.deep.equal([`${hr(2)} too many`, `${hr(1)} too many`, 'Fits']);
    expect(plain(root(el).querySelector('tr[data-row=fit] th')!.textContent)).to.equal(`Fits your ${hr(6)} a week?`);
    expect(root(el).querySelector('[aria-live=polite]')!.textContent).to.contain('Fits your hours: Mentee.');
    await typeInto(el, 'available-hours', '8');
    expect(row(el, 'fit')).to.deep.equal(['Fits', 'Fits', 'Fits']);
    await typeInto(el, 'available-hours', '2');
    expect(root(el).querySelector('[aria-live=polite]')!.textContent).to.contain('No role fits your hours.');
    await typeInto(el, 'available-hours', '');
    expect(root(el).querySelector('tr[data-row=fit]')).to.equal(null);
    expect(el.hasAttribute('available-hours')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('draws an SVG stacked bar chart with a text alternative', async () => {
    const el = await mount(memory());
    const chart = root(el).querySelector('svg[role=img]')!;
    expect(chart.getAttribute('aria-labelledby')).to.equal('chart-title chart-desc');
    expect(chart.querySelector('title')!.textContent).to.equal('Chart: weekly hours by role, stacked by activity');
    // "Lead mentor: 8 hr (One-on-ones 3 hr, Weekly review 1 hr, and Code review about 4 hr), Mentor-mentee: …, and Mentee: …"
    expect(plain(chart.querySelector('desc')!.textContent)).to.equal(
      list([
        `Lead mentor: ${hr(8)} (${list([`One-on-ones ${hr(3)}`, `Weekly review ${hr(1)}`, `Code review about ${hr(4)}`])})`,
        `Mentor-mentee: at least ${hr(7)} (${list([`One-on-ones ${hr(4)}`, `Weekly review ${hr(0.5)}`, `Project / practice at least ${hr(2)}`, `Code review ${hr(0.5)}`])})`,
        `Mentee: at least ${hr(5.5)} (${list([`One-on-ones ${hr(1)}`, `Weekly review ${hr(0.5)}`, `Project / practice at least ${hr(3)}`, `Code review ${hr(1)}`])})`,
      ]),
    );
    // 3 tracks + 3 + 4 + 4 activity segments; the longest bar (8 h) fills the track.
    const segments = [...chart.querySelectorAll('rect:not(.track)')];
    expect(segments.map((r) => r.getAttribute('class')!.trim())).to.deep.equal(['c0', 'c1', 'c3', 'c0', 'c1', 'c2 min', 'c3', 'c0', 'c1', 'c2 min', 'c3']);
    // Widths in percent of the chart (no viewBox: the text keeps its CSS size on a phone).
    const lead = segments.slice(0, 3).reduce((sum, r) => sum + parseFloat(r.getAttribute('width')!), 0);
    expect(chart.querySelector('.track')!.getAttribute('width')).to.equal('100%');
    expect(lead).to.be.closeTo(100, 1e-9);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).to.deep.equal(['Lead mentor', '8 hr', 'Mentor-mentee', '≥\u00a07 hr', 'Mentee', '≥\u00a05.5 hr']);
    expect(getComputedStyle(segments[0]!).fill).to.equal('rgb(44, 85, 201)');
    expect([...root(el).querySelectorAll('[part=legend] li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'One-on-ones',
      'Weekly review',
      'Project / practice',
      'Code review',
    ]);
  });

  it('keeps the last valid result and names the field for bad attribute values', async () => {
    const el = await mount(memory());
    for (const bad of ['lots', '-1', '25', '2.5', '']) {
      const error = oneEvent(el, 'mentorship-error');
      el.setAttribute('mentees-per-mentor', bad);
      const detail = (await error).detail as MentorshipErrorDetail;
      await el.updateComplete;
      expect(detail.source, bad).to.equal('mentees-per-mentor');
      expect(detail.element).to.equal('commitment-calculator');
      expect(detail.message).to.equal(`Mentees per mentor (X): “${bad}” is not a whole number from 0 to 20. Showing the last valid result.`);
      expect(alertText(el)).to.contain('mentees-per-mentor');
      expect(alertText(el)).to.contain(`“${bad}”`);
      expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
      expect(input(el, 'mentees-per-mentor').getAttribute('aria-invalid')).to.equal('true');
    }
    await expect(el).to.be.accessible();
    el.setAttribute('mentees-per-mentor', '4');
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['9', '≥ 8', '≥ 5.5']);
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    expect(input(el, 'mentees-per-mentor').getAttribute('aria-invalid')).to.equal('false');

    const error = oneEvent(el, 'mentorship-error');
    el.setAttribute('weeks', '0');
    expect((await error).detail.source).to.equal('weeks');
    await el.updateComplete;
    expect(row(el, 'cycle')).to.deep.equal(['108', '≥ 96', '≥ 66']);
  });

  it('checks values set as properties against the same limits', async () => {
    const el = await mount(memory());
    for (const bad of [2.5, -1, NaN, Infinity]) {
      const error = oneEvent(el, 'mentorship-error');
      el.menteesPerMentor = bad;
      expect((await error).detail.source, String(bad)).to.equal('mentees-per-mentor');
      await el.updateComplete;
      expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
    }
    el.menteesPerMentor = 4;
    el.availableHours = 0.5;
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['9', '≥ 8', '≥ 5.5']);
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('keeps the last valid result when the user types a value out of range', async () => {
    const el = await mount(memory());
    const error = oneEvent(el, 'mentorship-error');
    await typeInto(el, 'mentees-per-mentor', '-1');
    expect((await error).detail.source).to.equal('mentees-per-mentor');
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
    expect(el.menteesPerMentor).to.equal(3);
    expect(input(el, 'mentees-per-mentor').value).to.equal('-1');
    expect(alertText(el)).to.contain('“-1” is not a whole number from 0 to 20');
    // "2" is valid on the way to "25", so 25 keeps the result for X = 2.
    await typeInto(el, 'mentees-per-mentor', '25');
    expect(totals(el)).to.deep.equal(['7', '≥ 6', '≥ 5.5']);
    expect(alertText(el)).to.contain('“25” is not a whole number from 0 to 20');
    await typeInto(el, 'mentees-per-mentor', '3');
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
  });

  it('derives a program\'s hours from its own session types and shows the arithmetic', async () => {
    const client = memory();
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
    const el = document.createElement('commitment-calculator');
    el.setAttribute('program', 'technical-leadership');
    const change = oneEvent(el, 'commitment-change');
    wrapper.append(el);
    const detail = (await change).detail as CommitmentChangeDetail;
    await el.updateComplete;
    expect(detail.result.modelId).to.equal('program:technical-leadership');
    expect(detail.result.roles.map((r) => r.weeklyHours)).to.deep.equal([103 / 52, 103 / 52]);
    // Practice interviews "as needed" are not counted, so the total is a minimum.
    expect(totals(el)).to.deep.equal(['≥ 1.98', '≥ 1.98']);
    expect([...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Activity', 'Coach', 'Participant']);
    expect([...root(el).querySelectorAll('tbody tr')].map((tr) => visible(tr.querySelector('td')!))).to.deep.equal(['1', '0.75', '≈ 0.23', 'as needed']);
    expect([...root(el).querySelectorAll('tbody th .formula')].map((f) => f.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '60 min × 52 a year ÷ 52 weeks',
      '90 min × 26 a year ÷ 52 weeks',
      '60 min × 12 a year ÷ 52 weeks',
      '60 min when needed, not counted',
    ]);
    expect(input(el, 'mentees-per-mentor')).to.equal(null);
    expect(root(el).querySelector('[part=reach]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('gives each demo program its own figure: management transition 1.98, group mentorship 0.75 in a group of 6', async () => {
    const client = memory();
    const el = await mount(client, { program: 'management-transition' });
    expect(totals(el)).to.deep.equal(['1.98', '1.98']);
    expect(root(el).querySelectorAll('tbody tr')).to.have.length(3);
    el.setAttribute('program', 'group-mentorship');
    await waitUntil(() => el.result?.modelId === 'program:group-mentorship');
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['0.75', '0.75']);
    expect(root(el).querySelector('tbody th')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Group session90 min × 26 a year ÷ 52 weeks · a group of up to 6, together',
    );
    el.setAttribute('program', 'three-tier-community');
    await waitUntil(() => el.result?.modelId === 'three-tier');
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
    await expect(el).to.be.accessible();
  });

  it('loads a custom model from model-src', async () => {
    const el = await mount(memory(), { 'model-src': '/test/fixtures/commitment-model-pairs.json', 'mentees-per-mentor': '4' });
    expect([...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Activity', 'Guide', 'Learner']);
    expect(totals(el)).to.deep.equal(['6', '≥ 3.5']);
    expect(row(el, 'people')).to.deep.equal(['1', '4']);
    expect(root(el).querySelector('caption')!.textContent!.trim()).to.equal('Weekly hours by role and activity: Pair programming circle');
    expect(el.result!.reach).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('shows the failing paths of an invalid model JSON and fires mentorship-error', async () => {
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${memory()}></mentorship-provider>`);
    const el = document.createElement('commitment-calculator');
    el.setAttribute('model-src', '/test/fixtures/commitment-model-invalid.json');
    const error = oneEvent(el, 'mentorship-error');
    wrapper.append(el);
    const detail = (await error).detail as MentorshipErrorDetail;
    expect(detail.source).to.equal('model-src');
    expect(detail.code).to.equal('invalid-input');
    expect(detail.issues.map((i) => i.path).sort()).to.deep.equal(['activities.0.hours.guide.fixed', 'roles.0.name', 'roles.0.tier']);
    await waitUntil(() => el.getAttribute('state') === 'error');
    await el.updateComplete;
    const text = alertText(el);
    for (const path of ['roles.0.name', 'roles.0.tier', 'activities.0.hours.guide.fixed']) expect(text).to.contain(path);
    expect(root(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reports a model-src that cannot be fetched, and retries', async () => {
    const el = await mount(memory(), { 'model-src': '/test/fixtures/no-such-model.json' }, 'error');
    expect(alertText(el)).to.contain('HTTP 404 loading /test/fixtures/no-such-model.json.');
    expect(root(el).querySelector('.message.error p')!.textContent).to.equal('The commitment model could not be loaded.');
    el.setAttribute('model-src', '/test/fixtures/commitment-model-pairs.json');
    await waitUntil(() => el.getAttribute('state') === 'ready');
    expect(alertText(el)).to.equal('');
    expect(totals(el)).to.deep.equal(['4.5', '≥ 3.5']);
  });

  it('says so when a model-src server cannot be reached at all', async () => {
    const el = await mount(memory(), { 'model-src': 'http://127.0.0.1:9/model.json' }, 'error');
    expect(alertText(el)).to.contain('Could not reach http://127.0.0.1:9/model.json.');
  });

  it('keeps a valid model when the model property is replaced by an invalid one', async () => {
    const el = await mount(memory());
    const error = oneEvent(el, 'mentorship-error');
    el.model = { kind: 'cadence', id: 'x', name: 'X', roles: [], sessions: [] } as never;
    const detail = (await error).detail as MentorshipErrorDetail;
    expect(detail.source).to.equal('model');
    expect(detail.issues.map((i) => i.path).sort()).to.deep.equal(['roles', 'sessions']);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5.5']);
  });

  it('saves the chosen role as the visitor\'s plan, and keeps its hours true when X changes', async () => {
    const client = localClient();
    const el = await mount(client);
    const saved = nextChange(client, (e) => e.resource === 'plan');
    root(el).querySelector<HTMLButtonElement>('button[data-role=mentor-mentee]')!.click();
    await saved;
    const plan = await client.plan.get();
    expect(plan).to.deep.include({ modelId: 'three-tier', roleId: 'mentor-mentee', roleName: 'Mentor-mentee', weeklyHours: 7, menteesPerMentor: 3 });
    expect(plan!.programId).to.equal(undefined);
    await el.updateComplete;
    expect(root(el).querySelector('button[data-role=mentor-mentee]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('button[data-role=lead]')!.getAttribute('aria-pressed')).to.equal('false');
    expect(el.getAttribute('selected-role')).to.equal('mentor-mentee');
    expect(plain(root(el).querySelector('[part=status]')!.textContent)).to.equal(`Saved to your plan: Mentor-mentee, at least ${hr(7)} a week.`);
    await expect(el).to.be.accessible();

    const updated = nextChange(client, (e) => e.resource === 'plan');
    await typeInto(el, 'mentees-per-mentor', '5');
    expect((await updated).plan).to.deep.include({ roleId: 'mentor-mentee', weeklyHours: 9, menteesPerMentor: 5 });
    client.close();
  });

  it('chooses a role with the keyboard and stores the program it was given', async () => {
    const client = memory();
    const el = await mount(client, { program: 'three-tier-community' });
    root(el).querySelector<HTMLButtonElement>('button[data-role=mentee]')!.focus();
    const saved = nextChange(client, (e) => e.resource === 'plan');
    await sendKeys({ press: 'Enter' });
    expect((await saved).plan).to.deep.include({ programId: 'three-tier-community', modelId: 'three-tier', roleId: 'mentee', weeklyHours: 5.5 });
  });

  it('follows the visitor\'s plan: a program chosen elsewhere switches the model live', async () => {
    const client = memory();
    await client.plan.update({ programId: 'three-tier-community', modelId: 'three-tier', roleId: 'mentee' });
    const el = await mount(client);
    expect(el.result!.modelId).to.equal('three-tier');
    expect(root(el).querySelector('button[data-role=mentee]')!.getAttribute('aria-pressed')).to.equal('true');
    const change = oneEvent(el, 'commitment-change');
    await client.plan.update({ programId: 'management-transition' });
    expect(((await change).detail as CommitmentChangeDetail).result.modelId).to.equal('program:management-transition');
    await el.updateComplete;
    expect(totals(el)).to.deep.equal(['1.98', '1.98']);
  });

  it('names an unknown program and an unknown selected role', async () => {
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${memory()}></mentorship-provider>`);
    const el = document.createElement('commitment-calculator');
    el.setAttribute('program', 'no-such-program');
    const error = oneEvent(el, 'mentorship-error');
    wrapper.append(el);
    const detail = (await error).detail as MentorshipErrorDetail;
    expect(detail.source).to.equal('program');
    expect(detail.code).to.equal('not-found');
    await waitUntil(() => el.getAttribute('state') === 'error');
    const roleError = oneEvent(el, 'mentorship-error');
    el.removeAttribute('program');
    el.setAttribute('selected-role', 'captain');
    expect((await roleError).detail).to.deep.include({ source: 'selected-role', message: 'There is no role “captain” in this model.' });
  });

  it('shows the empty state for a program without a commitment model', async () => {
    const base = memory();
    const catalog = structuredClone(await base.catalog.get());
    catalog.programs = catalog.programs.map((p) => ({ ...p, commitmentModelId: undefined, sessionTypeIds: [] }));
    const client = createClient({ backend: memoryBackend({ catalog }) });
    const el = await mount(client, { program: 'technical-leadership' }, 'empty');
    expect(root(el).querySelector('.message.info')!.textContent).to.equal('This program has no commitment model yet.');
    await expect(el).to.be.accessible();
  });

  it('renders in German with Intl numbers and no English text', async () => {
    const el = await mount(memory(), { locale: 'de-DE', 'available-hours': '7,5'.replace(',', '.') });
    expect(totals(el)).to.deep.equal(['8', '≥ 7', '≥ 5,5']);
    expect(root(el).querySelector('tbody tr td + td + td .visually-hidden')).to.not.equal(null);
    expect(root(el).querySelector('caption')!.textContent!.trim()).to.equal('Wochenstunden nach Rolle und Tätigkeit: Dreistufiges Community-Mentoring');
    expect(row(el, 'fit')).to.deep.equal([`${hr(0.5, 'de-DE')} zu viel`, 'Passt', 'Passt']);
    const text = root(el).textContent!;
    expect(text).to.contain('5,5');
    const english = Object.values(en).filter((m): m is string => typeof m === 'string' && m.length > 3);
    for (const phrase of english) expect(text, phrase).not.to.contain(phrase);
    for (const word of [/Lead mentor/, /Mentee\b/, /weeks/, /\bhr\b/, /at least/, /Fits/]) expect(text, String(word)).not.to.match(word);
    await expect(el).to.be.accessible();
  });

  it('shows a loading state first', async () => {
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${memory()}></mentorship-provider>`);
    const el = document.createElement('commitment-calculator');
    wrapper.append(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(root(el).querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.getAttribute('state') === 'ready');
    await aTimeout(0);
  });
});
