package com.roofworx.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What PostgreSQL holds for an entry, read straight from its tables: the row and the versions in its history. */
public final class WarmRows {
    private WarmRows() {
    }

    /** The row as the warm store keeps it: the newest version it received. */
    public record Row(int version, boolean voided, int minutes, String notes) {
    }

    public static Optional<Row> row(EmbeddedPostgres postgres, UUID id) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT version, voided, minutes, notes FROM roofworx.time_entry WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getInt(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** The versions the history table holds for the entry, oldest first, each with its minutes and voided mark. */
    public static List<String> history(EmbeddedPostgres postgres, UUID id) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT version, minutes, voided FROM "
                     + "roofworx.time_entry_history WHERE id = ? ORDER BY version")) {
            q.setObject(1, id);
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1) + ":" + rs.getInt(2) + (rs.getBoolean(3) ? ":voided" : ""));
                }
            }
            return versions;
        }
    }
}
