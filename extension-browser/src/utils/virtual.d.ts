declare module 'virtual:wheelhouse-bundled-catalogue' {
  /** The catalogue and its match index, validated and built at build time (wxt.config.ts). */
  const bundled: import('@/features/catalogue-store').CatalogueDoc;
  export default bundled;
}
