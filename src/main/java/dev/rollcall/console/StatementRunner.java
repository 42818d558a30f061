package dev.rollcall.console;

import dev.rollcall.statement.ResultTable;
import dev.rollcall.statement.StatementExecutor;
import dev.rollcall.statement.StatementParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs statement text as the session's member, through the same parser and executor as the
 * statement API: whatever the console does, the statement language's rules decide, and what changes
 * access is in the audit trail with its text (secrets redacted).
 */
@ApplicationScoped
public class StatementRunner {
  private final StatementParser parser = new StatementParser();
  private final StatementExecutor executor;
  private final ConsoleCaller caller;

  @Inject
  public StatementRunner(StatementExecutor executor, ConsoleCaller caller) {
    this.executor = executor;
    this.caller = caller;
  }

  protected StatementRunner() {
    this(null, null);
  }

  public ResultTable run(String text) {
    return executor.execute(caller.memberId(), parser.parse(text), text);
  }

  /** The table's rows as maps from column name to cell. */
  public static List<Map<String, Object>> records(ResultTable table) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      Map<String, Object> record = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        record.put(table.columns().get(i), row.get(i));
      }
      records.add(record);
    }
    return records;
  }

  /** A double-quoted statement name: its case is kept, quotes inside are doubled. */
  public static String name(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
