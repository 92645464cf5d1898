package org.zizhu.kiosk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.zizhu.events.EventId;
import org.zizhu.events.EventLog;
import org.zizhu.events.Outcome;

/**
 * The terminal's SQLite database file, migrated by Flyway (classpath {@code db/migration}).
 * One connection, used under this object's lock: SQLite serialises writers anyway, and one
 * connection keeps transactions simple. {@code synchronous=FULL} with WAL means a committed
 * transaction survives a power cut, which the outbox relies on.
 */
public final class Database implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        MigrateResult result = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
        EventLog.event(EventId.DATABASE_MIGRATED, Outcome.SUCCESS,
                "migrations", result.migrationsExecuted, "schemaVersion", String.valueOf(result.targetSchemaVersion));
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return new Database(file, c);
    }

    public Path file() {
        return file;
    }

    /** Work on the connection under the database lock. */
    public synchronized <T> T withConnection(SqlFunction<T> work) throws SQLException {
        return work.apply(connection);
    }

    /** Runs {@code work} in one transaction: all of it commits, or none. */
    public synchronized <T> T inTransaction(SqlFunction<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.apply(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
