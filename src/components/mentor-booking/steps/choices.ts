/** The first two steps: the session type (narrowed by a program) and the mentor. */
import { html, nothing } from 'lit';
import type { Mentor, Program, SessionType } from '../../../sdk/schemas.js';
import type { View } from '../format.js';

type Choice = [name: string, detail: string, choose: () => void];

/** Big buttons for session types and mentors: a name and a detail below it. */
function renderChoices(choices: Choice[]) {
  return html`<ul class="choices">
${choices.map(([name, detail, choose]) => html`<li><button part="choice" @click=${choose}>${name} <small>${detail}</small></button></li>`)}
</ul>`;
}

export interface TypesProps {
  /** The programs to narrow by; none when the `program` attribute fixed it. */
  programs: Program[] | undefined;
  programId: string;
  programTitle: (program: Program) => string;
  chooseProgram: (id: string) => void;
  types: SessionType[];
  typeName: (id: string) => string;
  chooseType: (id: string) => void;
}

export function renderTypes(v: View, p: TypesProps) {
  const t = v.l;
  const programSelect = p.programs
    ? html`<p><label>${t.t('program')}
<select @change=${(e: Event) => p.chooseProgram((e.target as HTMLSelectElement).value)}>
<option value="" ?selected=${!p.programId}>${t.t('anyProgram')}</option>
${p.programs.map((program) => html`<option value=${program.id} ?selected=${program.id === p.programId}>${p.programTitle(program)}</option>`)}
</select></label></p>`
    : nothing;
  return [
    t.t('stepType'),
    html`${programSelect}
${p.types.length
  ? renderChoices(p.types.map((type) => [p.typeName(type.id), t.number(type.minutes, { style: 'unit', unit: 'minute' }), () => p.chooseType(type.id)]))
  : html`<p class="message info">${t.t('noTypes')}</p>`}`,
  ] as const;
}

export function renderMentors(v: View, mentors: Mentor[], mentorTitle: (mentor: Mentor) => string, choose: (mentor: Mentor) => void) {
  return [v.l.t('stepMentor'), renderChoices(mentors.map((m) => [m.name, mentorTitle(m), () => choose(m)]))] as const;
}
