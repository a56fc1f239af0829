import type { ReactNode } from 'react';

// Decorative inline icons: hidden from assistive technology, the surrounding text or label names the control.
// The icons every card repeats (edit, delete, add, external link) are CSS glyphs instead
// (.omw-glyph in openmedia-widget.css): no <svg> nodes per card.
function Svg({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="omw-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function AlertIcon() {
  return (
    <Svg size={18}>
      <path d="M8 1.8l6.6 11.7H1.4z" />
      <path d="M8 6.2v3.3M8 11.6v.1" />
    </Svg>
  );
}

export function InfoIcon() {
  return (
    <Svg size={18}>
      <circle cx="8" cy="8" r="6.3" />
      <path d="M8 7.3v4M8 4.8v.1" />
    </Svg>
  );
}

export function LockIcon() {
  return (
    <Svg size={18}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 015 0v2" />
    </Svg>
  );
}

export function InboxIcon() {
  return (
    <Svg size={32}>
      <path d="M2 9.5l2-6h8l2 6v3.5H2z" />
      <path d="M2 9.5h3.5l1 1.5h3l1-1.5H14" />
    </Svg>
  );
}

export function DownloadIcon() {
  return (
    <Svg>
      <path d="M8 2v8M4.5 6.8L8 10.3l3.5-3.5M2.5 13.5h11" />
    </Svg>
  );
}

/** A spinning ring shown on a button whose request is in flight. */
export function Spinner() {
  return <span className="omw-spinner" aria-hidden="true" />;
}
