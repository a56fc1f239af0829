import type { OpenmediaInteraction } from './types';

/** The title of an interaction: its subject (see `OpenmediaInteraction.subject`), else `userData.Subject`; undefined when blank. */
export function subjectOf(interaction: OpenmediaInteraction): string | undefined {
  const subject = interaction.subject ?? interaction.userData.Subject;
  if (subject === undefined || subject === null) return undefined;
  const text = String(subject);
  return text.trim() === '' ? undefined : text;
}

/** The interaction has left the agent: `Completed`, or a state its dialect marks as ended. */
export function leftTheAgent(interaction: OpenmediaInteraction): boolean {
  return interaction.state === 'Completed' || interaction.ended === true;
}
