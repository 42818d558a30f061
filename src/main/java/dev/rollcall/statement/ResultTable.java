package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The answer to a statement: named columns and rows of cells. A cell is a {@link String}, a {@link
 * Boolean}, a {@link Number} or {@code null}; every row has one cell per column.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

  public ResultTable {
    columns = List.copyOf(requireNonNull(columns, "columns"));
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a result table needs at least one column");
    }
    requireNonNull(rows, "rows");
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copied.add(checkedRow(requireNonNull(row, "row " + copied.size()), copied.size(), columns));
    }
    rows = Collections.unmodifiableList(copied);
  }

  /** Starts a table with these column names. */
  public static Builder builder(String... columns) {
    return new Builder(List.of(columns));
  }

  private static List<Object> checkedRow(List<Object> row, int index, List<String> columns) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(
          "row "
              + index
              + " has "
              + row.size()
              + " cells but there are "
              + columns.size()
              + " columns "
              + columns);
    }
    for (Object cell : row) {
      if (cell != null
          && !(cell instanceof String)
          && !(cell instanceof Boolean)
          && !(cell instanceof Number)) {
        throw new IllegalArgumentException(
            "row "
                + index
                + " has a cell of type "
                + cell.getClass().getName()
                + "; cells must be String, Boolean, Number or null");
      }
    }
    // Not List.copyOf: cells may be null.
    return Collections.unmodifiableList(new ArrayList<>(row));
  }

  /** Collects rows for a {@link ResultTable}. */
  public static final class Builder {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(List<String> columns) {
      this.columns = columns;
    }

    /** Adds a row; cells may be null. */
    public Builder row(Object... cells) {
      rows.add(Arrays.asList(cells.clone()));
      return this;
    }

    public ResultTable build() {
      return new ResultTable(columns, rows);
    }
  }
}
