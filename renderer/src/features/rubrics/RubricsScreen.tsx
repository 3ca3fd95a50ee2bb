export function RubricsScreen() {
  return <p className="pad">Rubrics (placeholder)</p>;
}
