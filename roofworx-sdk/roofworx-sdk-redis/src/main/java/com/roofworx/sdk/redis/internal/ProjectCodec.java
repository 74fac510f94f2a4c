package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.Project;

/**
 * A project as one hash value: {@code ordinal | name | status | active | account | address}. The id is the
 * hash field. The ordinal keeps the order the list was put in; a detail update keeps it (the update script
 * replaces everything after the first separator).
 */
public final class ProjectCodec {

    private ProjectCodec() {
    }

    public static String encode(int ordinal, Project project) {
        return Integer.toString(ordinal, Character.MAX_RADIX) + FieldCodec.SEP + details(project);
    }

    /** Everything but the ordinal, for the update script. */
    public static String details(Project project) {
        return new FieldCodec.Writer()
                .text(project.name())
                .text(project.status())
                .text(project.active() ? "1" : "0")
                .text(project.account())
                .text(project.address())
                .toString();
    }

    public static Ordered decode(String id, String value) {
        FieldCodec.Reader in = new FieldCodec.Reader(value);
        int ordinal = (int) in.number();
        Project project = new Project(id, in.text(), in.text(), "1".equals(in.text()), in.text(), in.text());
        return new Ordered(ordinal, project);
    }

    /** A decoded project with its place in the list. */
    public record Ordered(int ordinal, Project project) {
    }
}
