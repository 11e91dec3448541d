// After shiki: gives every code block a copy button, and turns <CodeTabs> (a run of titled code
// blocks) into <Tabs syncKey="code"> with one <Tab label={title}> per block, so authors write only
// fenced code and the tab names come from the titles.
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const isCodeFigure = (node: RootContent): node is Element =>
  node.type === 'element' &&
  node.tagName === 'figure' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('code-block');

const jsx = (name: string, attributes: Record<string, string>, children: MdxJsxFlowElementHast['children']): MdxJsxFlowElementHast => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children,
});

export function rehypeCodeBlocks() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' || (node as MdxJsxFlowElementHast).name !== 'CodeTabs') return;
      const element = node as MdxJsxFlowElementHast;
      // rehype-shiki replaces each <pre> with a root holding its output: look inside those.
      const blocks = element.children
        .flatMap((child) => ((child as unknown as Root).type === 'root' ? (child as unknown as Root).children : [child]))
        .filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const tabs = blocks.map((child) => {
        if (!isCodeFigure(child as RootContent)) {
          file.fail('<CodeTabs> may only contain fenced code blocks (use <Tabs> for anything else)', child);
        }
        const figure = child as Element;
        const caption = figure.children.find((part) => part.type === 'element' && part.tagName === 'figcaption');
        if (!caption) file.fail('every code block in <CodeTabs> needs a title="..." (the tab name)', figure);
        // The tab names the block: the caption would repeat it.
        figure.children = figure.children.filter((part) => part !== caption);
        return jsx('Tab', { label: toString(caption as Element) }, [figure]);
      });
      if (tabs.length < 2) file.fail('<CodeTabs> needs at least two code blocks', element);
      element.name = 'Tabs';
      element.attributes = [{ type: 'mdxJsxAttribute', name: 'syncKey', value: 'code' }];
      element.children = tabs;
    });
    visit(tree, 'element', (node: Element) => {
      if (isCodeFigure(node)) node.children.push(jsx('CopyButton', {}, []) as unknown as Element);
    });
  };
}
