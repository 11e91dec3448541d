export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // Build the search index in the background so the first search does not pay for it.
  setTimeout(() => {
    import('@/lib/content/search')
      .then(({ getSearchIndex }) => getSearchIndex())
      .catch(async (error: unknown) => {
        const { errorFields, logger } = await import('@/lib/log');
        logger.error(errorFields(error), 'search index failed');
      });
  }, 0);
  // Under the standalone server the front layer has already run this, before listening; under
  // `next dev` and on Vercel it runs here.
  const { prepareServer } = await import('@/lib/startup');
  await prepareServer();
}
