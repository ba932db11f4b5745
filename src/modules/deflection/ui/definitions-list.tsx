import { figureDefinitions, type FigureKey } from '../definitions';

/** Every figure in one sentence, visible on the page: the table's headers link here. */
export function DefinitionsList() {
  return (
    <dl className="stack-sm">
      {(Object.keys(figureDefinitions) as FigureKey[]).map((key) => (
        <div key={key} id={`figure-${key}`}>
          <dt>
            <strong>{figureDefinitions[key].name}</strong>
          </dt>
          <dd style={{ margin: 0 }}>{figureDefinitions[key].text}</dd>
        </div>
      ))}
    </dl>
  );
}
