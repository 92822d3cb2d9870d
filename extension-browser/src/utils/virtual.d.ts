declare module 'virtual:wheelhouse-bundled-catalogue' {
  /** Raw JSON of catalogue/dist/catalogue.json; validated at startup like any remote copy. */
  const catalogue: unknown;
  export default catalogue;
}
