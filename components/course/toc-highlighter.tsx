'use client';

// Marks the table-of-contents link of the section being read (aria-current="location"), using
// an IntersectionObserver on the headings; the table of contents itself stays server-rendered.
// Following one of its links closes it where it opens over the text (the tools bar below 1024 px).
import { useEffect } from 'react';

export function TocHighlighter({ ids }: { ids: string[] }) {
  useEffect(() => {
    const headings = ids
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null);
    if (headings.length === 0) return;
    const visible = new Set<string>();
    const mark = () => {
      // The first visible heading, or the last one scrolled past.
      const current =
        headings.find((heading) => visible.has(heading.id)) ??
        [...headings].reverse().find((heading) => heading.getBoundingClientRect().top < 0);
      for (const link of document.querySelectorAll<HTMLAnchorElement>(
        'nav[data-toc] a[href^="#"]',
      )) {
        if (current && link.getAttribute('href') === `#${current.id}`)
          link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.add(entry.target.id);
          else visible.delete(entry.target.id);
        }
        mark();
      },
      { rootMargin: '-64px 0px -55% 0px' },
    );
    for (const heading of headings) observer.observe(heading);
    const closeOnFollow = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest('nav[data-toc] a[href^="#"]');
      link?.closest('details')?.removeAttribute('open');
    };
    document.addEventListener('click', closeOnFollow);
    return () => {
      observer.disconnect();
      document.removeEventListener('click', closeOnFollow);
    };
  }, [ids]);
  return null;
}
