import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mentorship-provider.js';
import '../../src/define/program-picker.js';
import type { ProgramPicker } from '../../src/components/program-picker/program-picker.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import type { Program } from '../../src/sdk/schemas.js';
import { nextChange } from '../helpers.js';
import '../../src/locales/de.js';

const ALL = DEMO_CATALOG.programs.map((p) => p.title);
const byId = (id: string) => DEMO_CATALOG.programs.find((p) => p.id === id)!;

function memoryClient(): MentorshipClient {
  return createClient({ backend: memoryBackend() });
}

async function mount(attributes = '', client = memoryClient(), extra?: (el: ProgramPicker) => void) {
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
  const template = document.createElement('template');
  template.innerHTML = `<program-picker ${attributes}></program-picker>`;
  const el = template.content.firstElementChild as ProgramPicker;
  extra?.(el);
  wrapper.append(el);
  await ready(el);
  return { el, client };
}

async function ready(el: ProgramPicker) {
  await waitUntil(() => el.viewState !== 'loading', 'picker never left loading', { timeout: 5000 });
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: ProgramPicker, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: ProgramPicker, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
/** What a person reads: rendered text with whitespace (and Intl's no-break spaces) collapsed. */
const norm = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => norm((node as HTMLElement | null)?.innerText ?? node?.textContent ?? '');
const titles = (el: ProgramPicker) => $$(el, '[role=radio]').map(text);
const count = (el: ProgramPicker) => text($(el, '[part=count]'));
const card = (el: ProgramPicker, title: string) => $$(el, 'article').find((a) => text(a.querySelector('[role=radio]')) === title)!;
/** The `<dd>` after the `<dt>` whose text is `term`, in one card. */
const field = (article: Element, term: string) =>
  text([...article.querySelectorAll('dt')].find((dt) => text(dt) === term)?.nextElementSibling);
const chip = (el: ProgramPicker, label: string) => $$(el, '[part=chip]').find((b) => text(b) === label)!;
const selects = (el: ProgramPicker) => $$<HTMLSelectElement>(el, 'select');

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function typeBudget(el: ProgramPicker, value: string) {
  const input = $<HTMLInputElement>(el, 'input[type=number]');
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  await el.updateComplete;
}

const usd = (locale: string, min: number, max: number) =>
  norm(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).formatRange(min, max));
const numRange = (locale: string, min: number, max: number) => norm(new Intl.NumberFormat(locale).formatRange(min, max));
const mins = (locale: string, n: number) => norm(new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute' }).format(n));

describe('<program-picker>', () => {
  describe('cards', () => {
    it('lists every program of the client catalog with its facts in en-US', async () => {
      const { el } = await mount('locale="en-US"');
      expect(el.viewState).to.equal('ready');
      expect(titles(el)).to.deep.equal(ALL);
      expect(count(el)).to.equal('6 programs');

      const leadership = card(el, 'Technical Leadership Development');
      expect(field(leadership, 'For')).to.equal('Senior engineers → Staff+');
      expect(field(leadership, 'Format')).to.equal('Individual');
      expect(field(leadership, 'Duration')).to.equal('6 months');
      expect(field(leadership, 'Price')).to.equal(`${usd('en-US', 2500, 5000)} / month`);
      expect(field(leadership, 'Price')).to.match(/^\$2,500\s?–\s?\$5,000 \/ month$/);
      expect(field(leadership, 'Group size')).to.equal('One-to-one');
      expect(field(leadership, 'Sessions')).to.equal(
        `1:1 coaching: weekly, ${mins('en-US', 60)} Technical review: every two weeks, ${mins('en-US', 90)} ` +
          `Career planning: monthly, ${mins('en-US', 60)} Practice interview: as needed, ${mins('en-US', 60)}`,
      );
      // Derived from its own sessions: practice interviews "as needed" make it a minimum.
      expect(field(leadership, 'Weekly hours')).to.equal('Coach: at least 1.98 h Participant: at least 1.98 h');
      expect(field(card(el, 'Engineering Management Transition'), 'Weekly hours')).to.equal('Coach: 1.98 h Participant: 1.98 h');
      expect(field(card(el, 'Group Mentorship'), 'Weekly hours')).to.equal('Coach: 0.75 h Participant: 0.75 h');

      const individual = card(el, 'Individual Mentorship');
      expect(field(individual, 'Duration')).to.equal(`${numRange('en-US', 3, 6)} months`);

      const group = card(el, 'Group Mentorship');
      expect(field(group, 'Price')).to.equal(`${usd('en-US', 1500, 2500)} / person / month`);
      expect(field(group, 'Group size')).to.equal(`${numRange('en-US', 4, 6)} people`);

      const community = card(el, 'Three-tier Community Mentorship');
      expect(field(community, 'Weekly hours')).to.equal('Lead mentor: 8 h Mentor-mentee: at least 7 h Mentee: at least 5.5 h');
      expect(field(community, 'Price')).to.equal('Free');
      expect(field(community, 'Included')).to.equal(
        'Weekly one-on-ones A weekly group review Code review A project (mentor-mentees) or practice problems (mentees)',
      );
      expect(field(card(el, 'Corporate Programs'), 'Price')).to.equal('Price on request');
      await expect(el).to.be.accessible();
    });

    it('formats prices, durations and counts with German Intl output in de-DE', async () => {
      const { el } = await mount('locale="de-DE"');
      expect(count(el)).to.equal('6 Programme');
      const leadership = card(el, 'Technical Leadership Development');
      const price = field(leadership, 'Preis');
      expect(price).to.equal(`${usd('de-DE', 2500, 5000)} / Monat`);
      expect(price).to.contain('2.500').and.to.contain('5.000').and.to.contain('$');
      expect(field(card(el, 'Group Mentorship'), 'Preis')).to.equal(`${usd('de-DE', 1500, 2500)} / Person / Monat`);
      expect(field(card(el, 'Individual Mentorship'), 'Dauer')).to.equal(`${numRange('de-DE', 3, 6)} Monate`);
      expect(field(card(el, 'Three-tier Community Mentorship'), 'Stunden pro Woche')).to.equal(
        'Leitender Mentor: 8 Std. Mentor-Mentee: mindestens 7 Std. Mentee: mindestens 5,5 Std.',
      );
      expect([...leadership.querySelectorAll('dt')].map(text)).to.deep.equal([
        'Für',
        'Format',
        'Dauer',
        'Preis',
        'Gruppengröße',
        'Termine',
        'Stunden pro Woche',
        'Enthalten',
      ]);
      expect(field(leadership, 'Termine')).to.contain(`1:1 coaching: wöchentlich, ${mins('de-DE', 60)}`);
      expect(field(leadership, 'Gruppengröße')).to.equal('Einzelbetreuung');
      const chrome = text($(el, '[part=filters]'));
      for (const english of ['Focus area', 'Any format', 'Monthly budget', 'Duration', 'programs', 'month']) {
        expect(chrome).not.to.contain(english);
      }
      await expect(el).to.be.accessible();
    });

    it('shows list layout and a catalog loaded from src, with its own currency', async () => {
      const { el } = await mount('src="/test/fixtures/catalog-small.json" layout="list" locale="de-DE"');
      expect(titles(el)).to.deep.equal(['Design Sprint Coaching', 'Peer Circle']);
      const eur = (min: number, max: number) =>
        norm(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).formatRange(min, max));
      expect(field(card(el, 'Design Sprint Coaching'), 'Preis')).to.equal(`${eur(1200, 1800)} / Monat`);
      expect(field(card(el, 'Peer Circle'), 'Preis')).to.equal(
        `${norm(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(300))} / Person / Monat`,
      );
      expect(field(card(el, 'Peer Circle'), 'Gruppengröße')).to.equal('6 Personen');
      expect(field(card(el, 'Design Sprint Coaching'), 'Stunden pro Woche')).to.equal('Mentee: 1,5 Std.');
      // No named model: its weekly 90-minute session gives the hours.
      expect(field(card(el, 'Peer Circle'), 'Stunden pro Woche')).to.equal('Coach: 1,5 Std. Teilnehmende: 1,5 Std.');
      expect(getComputedStyle($(el, '.cards')).gridTemplateColumns.split(' ')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows the programs property instead of the catalog, and reports an invalid one', async () => {
      const mine: Program[] = [byId('group-mentorship'), byId('three-tier-community')];
      const { el } = await mount('', memoryClient(), (e) => (e.programs = mine));
      expect(titles(el)).to.deep.equal(['Group Mentorship', 'Three-tier Community Mentorship']);
      const error = oneEvent(el, 'mentorship-error');
      el.programs = [{ id: 'x' } as unknown as Program];
      expect((await error).detail.source).to.equal('programs');
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.contain('programs');
      // Back to the catalog's programs (still loading if the property was checked first).
      await waitUntil(() => titles(el).length === ALL.length, 'the catalog never showed');
      expect(titles(el)).to.deep.equal(ALL);
    });
  });

  describe('filters', () => {
    it('filters by focus-area chips and announces the count', async () => {
      const { el } = await mount('locale="en-US"');
      expect($(el, '[part=count]').getAttribute('role')).to.equal('status');
      chip(el, 'Engineering management').click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Engineering Management Transition', 'Corporate Programs']);
      expect(count(el)).to.equal('2 programs');
      expect(chip(el, 'Engineering management').getAttribute('aria-pressed')).to.equal('true');
      expect(el.getAttribute('focus')).to.equal('engineering-management');
      chip(el, 'Web development').click();
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Engineering Management Transition', 'Corporate Programs', 'Three-tier Community Mentorship']);
      chip(el, 'Engineering management').click();
      chip(el, 'Web development').click();
      await el.updateComplete;
      expect(titles(el)).to.have.length(6);
    });

    it('filters by format', async () => {
      const { el } = await mount('locale="en-US"');
      const [format] = selects(el);
      expect([...format!.options].map((o) => o.textContent!.trim())).to.deep.equal(['Any format', 'Individual', 'Group', 'Corporate', 'Community']);
      await choose(format!, 'group');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Group Mentorship']);
      expect(count(el)).to.equal('1 program');
      expect(el.format).to.equal('group');
    });

    it('filters by duration', async () => {
      const { el } = await mount('locale="en-US"');
      const duration = selects(el)[1]!;
      expect([...duration.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'Any length',
        'Up to 3 months',
        'Up to 6 months',
        'Up to 9 months',
        'Up to 12 months',
      ]);
      await choose(duration, '3');
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Individual Mentorship', 'Corporate Programs', 'Three-tier Community Mentorship']);
      await choose(duration, '6');
      await el.updateComplete;
      expect(titles(el)).to.not.include('Engineering Management Transition');
      expect(titles(el)).to.have.length(5);
    });

    it('filters by a typed monthly budget (unpriced programs stay)', async () => {
      const { el } = await mount('locale="en-US"');
      await typeBudget(el, '2000');
      expect(el.getAttribute('max-price')).to.equal('2000');
      expect(titles(el)).to.deep.equal(['Group Mentorship', 'Corporate Programs', 'Three-tier Community Mentorship']);
      await typeBudget(el, '1000');
      expect(titles(el)).to.deep.equal(['Corporate Programs', 'Three-tier Community Mentorship']);
      await typeBudget(el, '');
      expect(titles(el)).to.have.length(6);
    });

    it('combines filters given as attributes', async () => {
      const { el } = await mount('focus="technical-leadership" max-price="2000" locale="en-US"');
      expect(titles(el)).to.deep.equal(['Group Mentorship', 'Corporate Programs', 'Three-tier Community Mentorship']);
      el.maxMonths = 3;
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Corporate Programs', 'Three-tier Community Mentorship']);
      el.format = 'community';
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(['Three-tier Community Mentorship']);
      expect(selects(el)[0]!.value).to.equal('community');
      expect(selects(el)[1]!.value).to.equal('3');
      expect($<HTMLInputElement>(el, 'input[type=number]').value).to.equal('2000');
    });

    it('shows an empty state whose button clears every filter', async () => {
      const { el } = await mount('format="group" max-months="3" locale="en-US"');
      expect(el.viewState).to.equal('empty');
      expect(el.getAttribute('state')).to.equal('empty');
      expect(count(el)).to.equal('0 programs');
      expect(text($(el, '[part=empty]'))).to.equal('No program matches these filters. Clear filters');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=empty] button').click();
      await el.updateComplete;
      expect(el.viewState).to.equal('ready');
      expect(titles(el)).to.have.length(6);
      expect(el.format).to.equal('');
      expect(el.hasAttribute('max-months')).to.equal(false);
    });

    it('names invalid filter attributes, fires mentorship-error and ignores them', async () => {
      const client = memoryClient();
      const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
      const el = document.createElement('program-picker');
      el.setAttribute('max-price', 'lots');
      el.setAttribute('layout', 'masonry');
      const errors: string[] = [];
      el.addEventListener('mentorship-error', (e) => errors.push(e.detail.source));
      wrapper.append(el);
      await ready(el);
      expect(errors).to.include.members(['max-price', 'layout']);
      const alert = text($(el, '[role=alert]'));
      expect(alert).to.contain('max-price').and.to.contain('"lots" is not a number');
      expect(alert).to.contain('layout');
      expect(titles(el)).to.have.length(6);
      await expect(el).to.be.accessible();
      el.setAttribute('max-price', '2000');
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.not.contain('max-price');
    });
  });

  describe('compare', () => {
    it('compares two or three ticked programs in a table with row headers', async () => {
      const { el } = await mount('compare locale="en-US"');
      expect($$(el, 'p.hint').map(text)).to.deep.equal(['Tick two or three programs to compare them side by side.']);
      const box = (title: string) => card(el, title).querySelector<HTMLInputElement>('input[type=checkbox]')!;
      box('Group Mentorship').click();
      await el.updateComplete;
      expect($(el, 'table')).to.equal(null);
      // keyboard: focus the checkbox and press Space
      box('Three-tier Community Mentorship').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      const table = $(el, '[part=compare-table]');
      expect($$(el, 'thead th[scope=col]').map(text)).to.deep.equal(['Group Mentorship', 'Three-tier Community Mentorship']);
      const rows = Object.fromEntries(
        [...table.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th[scope=row]')), [...tr.querySelectorAll('td')].map(text)]),
      );
      expect(Object.keys(rows)).to.deep.equal(['For', 'Format', 'Duration', 'Price', 'Group size', 'Sessions', 'Weekly hours', 'Included']);
      expect(rows['Duration']).to.deep.equal(['6 months', `${numRange('en-US', 2, 3)} months`]);
      expect(rows['Format']).to.deep.equal(['Group', 'Community']);
      expect(rows['Price']).to.deep.equal([`${usd('en-US', 1500, 2500)} / person / month`, 'Free']);
      expect(rows['Weekly hours']![1]).to.equal('Lead mentor: 8 h Mentor-mentee: at least 7 h Mentee: at least 5.5 h');
      expect(rows['Sessions']).to.deep.equal([`Group session: every two weeks, ${mins('en-US', 90)}`, `1:1 coaching: weekly, ${mins('en-US', 60)}`]);
      await expect(el).to.be.accessible();

      box('Corporate Programs').click();
      await el.updateComplete;
      expect($$(el, 'thead th[scope=col]')).to.have.length(3);
      expect(box('Individual Mentorship').disabled).to.equal(true);
      expect(box('Group Mentorship').disabled).to.equal(false);
      box('Group Mentorship').click();
      await el.updateComplete;
      expect($$(el, 'thead th[scope=col]').map(text)).to.deep.equal(['Three-tier Community Mentorship', 'Corporate Programs']);
      expect(box('Individual Mentorship').disabled).to.equal(false);
    });

    it('has no compare controls without the compare attribute', async () => {
      const { el } = await mount('');
      expect($$(el, 'input[type=checkbox]')).to.have.length(0);
    });
  });

  describe('choosing', () => {
    it('is a radio group: arrows move focus and choose (APG), Space and Enter choose, the event carries the whole program', async () => {
      const form = document.createElement('form');
      const { el, client } = await mount('locale="en-US" name="program"');
      el.before(form);
      form.append(el);
      await el.updateComplete;
      const group = $(el, '[role=radiogroup]');
      expect(group.getAttribute('aria-label')).to.equal('Programs');
      const radios = () => $$(el, '[role=radio]');
      const checked = () => radios().filter((r) => r.getAttribute('aria-checked') === 'true').map(text);
      expect(radios().map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
      radios()[0]!.focus();

      const moved = oneEvent(el, 'program-select');
      await sendKeys({ press: 'ArrowDown' });
      expect((await moved).detail.program).to.deep.equal(byId('management-transition'));
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(radios()[1]);
      expect(radios().map((r) => r.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1, -1]);
      expect(checked()).to.deep.equal(['Engineering Management Transition']);
      expect(new FormData(form).get('program')).to.equal('management-transition');

      const wrapped = oneEvent(el, 'program-select');
      const planChanged = nextChange(client, (e) => e.resource === 'plan' && e.plan.programId === 'three-tier-community');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(text(el.shadowRoot!.activeElement)).to.equal('Three-tier Community Mentorship');
      expect((await wrapped).detail.program.id).to.equal('technical-leadership');
      expect(el.value).to.equal('three-tier-community');
      expect(checked()).to.deep.equal(['Three-tier Community Mentorship']);
      expect(card(el, 'Three-tier Community Mentorship').getAttribute('part')).to.equal('card chosen');
      expect(new FormData(form).get('program')).to.equal('three-tier-community');
      expect((await planChanged).plan.programId).to.equal('three-tier-community');
      expect((await client.plan.get())!.programId).to.equal('three-tier-community');
      await expect(el).to.be.accessible();

      // Space on the chosen card changes nothing; Home jumps to the first and chooses it.
      const first = oneEvent(el, 'program-select');
      await sendKeys({ press: 'Home' });
      const event = await first;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.program).to.deep.equal(byId('technical-leadership'));
      await el.updateComplete;
      expect(checked()).to.deep.equal(['Technical Leadership Development']);
      await sendKeys({ press: 'Enter' });
      expect(el.value).to.equal('technical-leadership');
      form.remove();
    });

    it('only moves focus with the arrows while disabled', async () => {
      const { el } = await mount('locale="en-US" disabled');
      const radios = () => $$(el, '[role=radio]');
      let fired = 0;
      el.addEventListener('program-select', () => fired++);
      radios()[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(radios()[1]);
      expect(fired).to.equal(0);
      expect(el.value).to.equal('');
    });

    it('follows the client plan: an earlier choice and a choice in another picker', async () => {
      const client = memoryClient();
      await client.plan.update({ programId: 'group-mentorship' });
      const { el } = await mount('', client);
      await waitUntil(() => el.value === 'group-mentorship');
      await el.updateComplete;
      expect($(el, '[aria-checked=true]').textContent).to.equal('Group Mentorship');
      const other = document.createElement('program-picker');
      el.parentElement!.append(other);
      await ready(other);
      const selected = oneEvent(other, 'program-select');
      card(other, 'Corporate Programs').querySelector<HTMLElement>('[role=radio]')!.click();
      await selected;
      await waitUntil(() => el.value === 'corporate-programs', 'the first picker did not follow');
      await el.updateComplete;
      expect(text($(el, '[aria-checked=true]'))).to.equal('Corporate Programs');
    });
  });

  describe('form control', () => {
    it('submits the chosen id, resets to empty and blocks an empty required submit', async () => {
      const client = memoryClient();
      const form = await fixture<HTMLFormElement>(html`<mentorship-provider .client=${client}
        ><form>
          <program-picker name="program" required locale="en-US"></program-picker>
          <button type="submit">Send</button>
        </form></mentorship-provider
      >`).then((p) => p.querySelector('form')!);
      const el = form.querySelector('program-picker')!;
      await ready(el);
      let submits = 0;
      let submitted: FormData | undefined;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
        submitted = new FormData(form);
      });

      expect(el.form).to.equal(form);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Please choose a program.');
      expect(new FormData(form).get('program')).to.equal(null);
      form.requestSubmit();
      await aTimeout(0);
      expect(submits).to.equal(0);
      await expect(el).to.be.accessible();

      card(el, 'Engineering Management Transition').querySelector<HTMLElement>('[role=radio]')!.click();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      form.requestSubmit();
      await aTimeout(0);
      expect(submits).to.equal(1);
      expect(submitted!.get('program')).to.equal('management-transition');

      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect($$(el, '[aria-checked=true]')).to.have.length(0);
      expect(new FormData(form).get('program')).to.equal(null);
      expect(form.checkValidity()).to.equal(false);
    });

    it('in a disabled fieldset can be browsed but not chosen, and is left out of the form', async () => {
      const form = await fixture<HTMLFormElement>(html`<mentorship-provider .client=${memoryClient()}
        ><form><fieldset disabled><program-picker name="program" locale="en-US"></program-picker></fieldset></form
      ></mentorship-provider>`).then((p) => p.querySelector('form')!);
      const el = form.querySelector('program-picker')!;
      await ready(el);
      expect(el.matches(':disabled')).to.equal(true);
      card(el, 'Group Mentorship').querySelector<HTMLElement>('[role=radio]')!.click();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect($(el, '[role=radiogroup]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();

      form.querySelector('fieldset')!.disabled = false;
      await waitUntil(() => !el.matches(':disabled'), 'the picker did not follow its fieldset');
      await el.updateComplete;
      card(el, 'Group Mentorship').querySelector<HTMLElement>('[role=radio]')!.click();
      await el.updateComplete;
      expect(new FormData(form).get('program')).to.equal('group-mentorship');

      el.disabled = true; // its own attribute does the same
      await waitUntil(() => el.matches(':disabled'), 'the disabled attribute had no effect');
      card(el, 'Corporate Programs').querySelector<HTMLElement>('[role=radio]')!.click();
      await el.updateComplete;
      expect(el.value).to.equal('group-mentorship');
    });

    it('takes its initial value from the value attribute and is valid without required', async () => {
      const form = await fixture<HTMLFormElement>(html`<mentorship-provider .client=${memoryClient()}
        ><form><program-picker name="pick" value="group-mentorship"></program-picker></form
      ></mentorship-provider>`).then((p) => p.querySelector('form')!);
      const el = form.querySelector('program-picker')!;
      await ready(el);
      expect(new FormData(form).get('pick')).to.equal('group-mentorship');
      expect(text($(el, '[aria-checked=true]'))).to.equal('Group Mentorship');
      form.reset();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('pick')).to.equal(null);
    });
  });

  describe('bad src', () => {
    for (const [name, url, expected, code] of [
      ['a 404', '/test/fixtures/catalog-missing.json', 'the server answered 404', 'network'],
      ['bad JSON', '/test/fixtures/catalog-broken.json', 'is not valid JSON', 'bad-response'],
      ['an invalid catalog', '/test/fixtures/catalog-invalid.json', 'is not a valid catalog (programs.0.title: ', 'bad-response'],
    ] as const) {
      it(`shows ${name} naming src, with a retry button`, async () => {
        const client = memoryClient();
        const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
        const el = document.createElement('program-picker');
        el.locale = 'en-US';
        el.src = url;
        const error = oneEvent(el, 'mentorship-error');
        wrapper.append(el);
        const detail = (await error).detail;
        expect(detail.source).to.equal('src');
        expect(detail.code).to.equal(code);
        expect(detail.element).to.equal('program-picker');
        expect(detail.message).to.contain(url).and.to.contain(expected);
        await ready(el);
        expect(el.viewState).to.equal('error');
        expect(text($(el, '[role=alert]')).startsWith(norm(`src: ${detail.message}`))).to.equal(true);
        await expect(el).to.be.accessible();

        const again = oneEvent(el, 'mentorship-error');
        $<HTMLButtonElement>(el, '[part=retry]').click();
        expect((await again).detail.message).to.equal(detail.message);

        el.src = '/test/fixtures/catalog-small.json';
        await waitUntil(() => el.viewState === 'ready', 'did not recover');
        await el.updateComplete;
        expect($(el, '[role=alert]')).to.equal(null);
        expect(titles(el)).to.deep.equal(['Design Sprint Coaching', 'Peer Circle']);
      });
    }

    it('shows a loading state first', async () => {
      const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${memoryClient()}></mentorship-provider>`);
      const el = document.createElement('program-picker');
      el.src = '/test/fixtures/catalog-small.json';
      wrapper.append(el);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      await ready(el);
      expect(el.getAttribute('state')).to.equal('ready');
    });
  });
});
