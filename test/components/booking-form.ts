/** What the booking tests do in <mentor-booking>'s details form, as a visitor does it. */

const $ = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Types `values` into the details form: each control by its name, with the event a visitor's typing or choosing fires. */
export function fillDetails(el: Element, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = $<HTMLInputElement>(el, `[name=${name}]`)!;
    control.value = value;
    control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
  }
}

/** Switches Repeat on and chooses `count` sessions. */
export async function repeatTimes(el: Element & { updateComplete: Promise<boolean> }, count: number): Promise<void> {
  $<HTMLInputElement>(el, '[part=repeat] input[type=checkbox]')!.click();
  await el.updateComplete;
  const select = el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part=repeat] select')[1]!;
  select.value = String(count);
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
