// The components lesson authors may use in MDX, and the overrides for plain markdown elements.
import type { MDXComponents } from 'mdx/types';
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { SqlLab } from '@/components/labs/sql-lab';
import { Callout } from './callout';
import { CopyButton } from './copy-button';
import { Figure } from './figure';
import { Steps } from './steps';
import { Tab, Tabs } from './tabs';
import { Term } from './term';

function Anchor({ href = '', children, ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/') || href.startsWith('#')) {
    return (
      <Link href={href as never} {...props}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} rel="noopener noreferrer" {...props}>
      {children}
    </a>
  );
}

function Table(props: ComponentProps<'table'>) {
  // Wide tables scroll inside their own box instead of widening the page.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  );
}

export const mdxComponents: MDXComponents = {
  a: Anchor,
  table: Table,
  Callout,
  CopyButton,
  Figure,
  SqlLab,
  Steps,
  Tab,
  Tabs,
  Term,
};
