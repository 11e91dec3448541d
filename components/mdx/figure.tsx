import Image from 'next/image';

/** An image or SVG diagram from public/, with a caption. */
export function Figure({
  src,
  alt,
  caption,
  width,
  height,
}: {
  src: string;
  alt: string;
  caption?: string;
  width: number;
  height: number;
}) {
  return (
    <figure className="not-prose my-8">
      {/* Diagrams are small static SVGs: served as they are, no optimisation step. */}
      <Image
        src={src}
        alt={alt}
        width={width}
        height={height}
        unoptimized
        className="mx-auto h-auto max-w-full rounded-lg"
      />
      {caption ? (
        <figcaption className="mt-2 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {caption}
        </figcaption>
      ) : null}
    </figure>
  );
}
