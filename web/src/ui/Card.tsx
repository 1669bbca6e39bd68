// A titled panel.
import type { ReactNode } from 'react';

export function Card({
  title,
  children,
  headingLevel = 2,
}: {
  title?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card">
      {title && <H>{title}</H>}
      {children}
    </section>
  );
}
