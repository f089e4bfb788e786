/** The consolidated dataset as plain tables, written once as CSV files and once as XLSX sheets. */

/** `date` is `YYYY-MM-DD`, `datetime` an ISO time: typed as dates in XLSX, text in CSV. */
export type CellType = 'string' | 'number' | 'date' | 'datetime';
export type Cell = string | number | null;

export interface Column {
  readonly name: string;
  readonly type: CellType;
}

export interface Table {
  /** File stem of the CSV, and (cut to 31 characters) the sheet name. */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Builds a table row by row with columns addressed by name. */
export class TableBuilder {
  private readonly index = new Map<string, number>();
  private readonly columns: Column[] = [];
  private readonly rows: Cell[][] = [];

  constructor(private readonly name: string) {}

  addColumn(column: Column): void {
    if (this.index.has(column.name)) return;
    this.index.set(column.name, this.columns.length);
    this.columns.push(column);
  }

  addRow(values: ReadonlyMap<string, Cell>): void {
    const row: Cell[] = new Array<Cell>(this.columns.length).fill(null);
    for (const [name, value] of values) {
      const i = this.index.get(name);
      if (i !== undefined) row[i] = value;
    }
    this.rows.push(row);
  }

  build(): Table {
    return { name: this.name, columns: [...this.columns], rows: this.rows };
  }
}
