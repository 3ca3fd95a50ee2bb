export function LibraryScreen() {
  return <p className="pad">Library (placeholder)</p>;
}
