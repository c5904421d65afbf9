/** The one visible focus style of the console (keyboard users must always see where they are). */
export const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';
