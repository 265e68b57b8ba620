/**
 * A small typed message table per element and locale, Shoelace-style. English is built in;
 * German ships as its own module (`mentorship-kit/locales/de`, `dist/locales/de.js`) so pages
 * that don't need it don't download it; site owners add or override strings with
 * `registerTranslation()`.
 * Numbers, money, dates, times, lists and relative times go through Intl for the resolved locale.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CalculatorMessages } from '../commitment-calculator/commitment-calculator.messages.js';
import type { MentorBookingMessages } from '../mentor-booking/mentor-booking.messages.js';
import type { ProgramPickerMessages } from '../program-picker/program-picker.messages.js';
import type { SessionTrackerMessages } from '../session-tracker/session-tracker.messages.js';
import type { AttendanceMessages } from '../session-tracker/attendance.messages.js';

// Messages are strings or functions of their arguments (plurals use Intl.PluralRules).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...args: any[]) => string);
export type MessageTable = Record<string, Message>;

const REGISTRY = Symbol.for('mentorship-kit/translations@2');

/**
 * Translations and the controllers that show them live on globalThis, so a locale file bundled
 * on its own (dist/locales/de.js) and a second copy of the kit reach the same elements.
 */
interface Registry {
  tables: Map<string, Map<string, Partial<MessageTable>>>;
  controllers: Set<{ refresh(): void }>;
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[REGISTRY] ??= { tables: new Map(), controllers: new Set() });
}

/**
 * Every element's message keys, with the catalog-id keys each one looks up (`st:<session type
 * id>`, `focus-<id>`, `activity:<id>`, …). A function-valued message takes the same arguments as
 * the English one.
 */
export interface ElementMessages {
  'commitment-calculator': CalculatorMessages;
  'program-picker': ProgramPickerMessages & Record<`${'format' | 'focus' | 'freq' | 'role'}-${string}`, string>;
  'mentor-booking': MentorBookingMessages & Record<`${'st' | 'pt' | 'mt'}:${string}`, string>;
  'session-tracker': SessionTrackerMessages & AttendanceMessages & Record<`activity:${string}`, string>;
}

/** What `registerTranslation(scope, …)` accepts: that element's keys, or any element's for `'*'`. */
export type Translation<S extends keyof ElementMessages | '*'> = S extends keyof ElementMessages
  ? Partial<ElementMessages[S]>
  : { [K in keyof ElementMessages]: Partial<Record<keyof ElementMessages[K], Message>> }[keyof ElementMessages];

/**
 * Adds or overrides strings for one element (`'session-tracker'`) or all (`'*'`) in a locale
 * (`'fr'`, `'de-CH'`). Elements already on the page re-render. A key the element does not have is
 * a type error: it would change nothing.
 */
export function registerTranslation<S extends keyof ElementMessages | '*'>(scope: S, locale: string, messages: Translation<S>): void {
  const { tables, controllers } = registry();
  const key = locale.toLowerCase();
  const byLocale = tables.get(scope) ?? new Map<string, Partial<MessageTable>>();
  byLocale.set(key, { ...byLocale.get(key), ...messages });
  tables.set(scope, byLocale);
  for (const controller of controllers) controller.refresh();
}

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  locale?: string;
}

/** Lowercased fallbacks: "de-AT" → ["de-at", "de"]. */
function chain(locale: string): string[] {
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0]!;
  return language === lower ? [lower] : [lower, language];
}

export class LocalizeController<M extends MessageTable> implements ReactiveController {
  readonly #host: LocalizeHost;
  readonly #scope: string;
  readonly #builtIn: { en: M } & Record<string, Partial<M>>;
  /** Re-renders when `dir` or `lang` changes on the element or the page's root. */
  readonly #observer = new MutationObserver(() => this.refresh());

  constructor(host: LocalizeHost, scope: string, builtIn: { en: M } & Record<string, Partial<M>>) {
    this.#host = host;
    this.#scope = scope;
    this.#builtIn = builtIn;
    host.addController(this);
  }

  hostConnected(): void {
    // The first Intl formatter a page builds costs tens of milliseconds (ICU loads its data):
    // build it in a task of its own while the element waits for its data, not in the render
    // that shows the data.
    if (!formatters.size) setTimeout(() => this.number(0));
    registry().controllers.add(this);
    for (const target of [this.#host, document.documentElement]) {
      this.#observer.observe(target, { attributeFilter: ['dir', 'lang'] });
    }
  }

  hostDisconnected(): void {
    registry().controllers.delete(this);
    this.#observer.disconnect();
  }

  /** Counts the times the strings or the locale may have changed, for views that keep what they rendered. */
  revision = 0;

  refresh(): void {
    this.revision++;
    this.#host.requestUpdate();
  }

  /** The BCP 47 locale in use: the `locale` attribute, else the closest `lang`, else the browser's. */
  get lang(): string {
    return resolveLocale(
      this.#host.locale || this.#host.closest<HTMLElement>('[lang]')?.lang || (typeof navigator !== 'undefined' ? navigator.language : ''),
    );
  }

  /** Text direction: the page's `dir` on or above the element, else the locale's. */
  get dir(): 'ltr' | 'rtl' {
    const explicit = this.#host.closest('[dir]')?.getAttribute('dir');
    if (explicit === 'rtl' || explicit === 'ltr') return explicit;
    return ['ar', 'he', 'fa', 'ur'].includes(this.lang.split('-')[0]!) ? 'rtl' : 'ltr';
  }

  /** The locale's first day of the week, ISO numbering (1 = Monday … 7 = Sunday). */
  get firstDayOfWeek(): number {
    return firstDayOf(this.lang);
  }

  t<K extends keyof M>(key: K, ...args: M[K] extends (...a: infer A) => string ? A : []): string {
    const message = this.#lookup(key as string) as Message | undefined;
    if (message === undefined) return String(key);
    return typeof message === 'function' ? message(...args) : message;
  }

  #lookup(key: string): Message | undefined {
    const { tables } = registry();
    for (const locale of [...chain(this.lang), 'en']) {
      for (const scope of [this.#scope, '*']) {
        const registered = tables.get(scope)?.get(locale)?.[key];
        if (registered !== undefined) return registered;
      }
      const builtIn = this.#builtIn[locale]?.[key];
      if (builtIn !== undefined) return builtIn;
    }
    return undefined;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return cached(Intl.NumberFormat, this.lang, options).format(value);
  }

  /** Hours with up to two decimals: 5.5 → "5.5" (en), "5,5" (de). */
  hours(value: number): string {
    return this.number(value, { maximumFractionDigits: 2 });
  }

  date(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return this.dateFormat(options).format(new Date(value));
  }

  /** The (cached) formatter itself, for formatRange and formatToParts. */
  dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return cached(Intl.DateTimeFormat, this.lang, options);
  }

  list(items: string[], type: Intl.ListFormatType = 'conjunction'): string {
    return cached(Intl.ListFormat, this.lang, { style: 'long', type }).format(items);
  }

  plural(count: number, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
    return cached(Intl.PluralRules, this.lang, options).select(count);
  }
}

const canonical = new Map<string, string>();
function resolveLocale(candidate: string): string {
  let locale = canonical.get(candidate);
  if (!locale) {
    try {
      locale = Intl.getCanonicalLocales(candidate || 'en')[0] ?? 'en';
    } catch {
      locale = 'en'; // "xx_YY" and other invalid tags
    }
    canonical.set(candidate, locale);
  }
  return locale;
}

/**
 * Intl formatters are costly to build (tens of microseconds) and a list of a hundred sessions
 * formats hundreds of dates: build each (kind, locale, options) once.
 */
const formatters = new Map<string, unknown>();

function cached<T>(Kind: new (locale: string, options?: object) => T, locale: string, options?: object): T {
  const key = `${Kind.name}|${locale}|${JSON.stringify(options ?? {})}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = new Kind(locale, options)));
  return formatter;
}

/** The first day of the week per locale (an element asks on every update). */
const firstDays = new Map<string, number>();
function firstDayOf(lang: string): number {
  let day = firstDays.get(lang);
  if (day === undefined) {
    const locale = new Intl.Locale(lang) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    firstDays.set(lang, (day = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1));
  }
  return day;
}
