export function ReviewScreen() {
  return <p className="pad">Review desk (placeholder)</p>;
}
