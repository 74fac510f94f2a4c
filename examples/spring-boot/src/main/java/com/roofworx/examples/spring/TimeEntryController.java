package com.roofworx.examples.spring;

import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The worker's API: their projects, submit an entry, list their entries. The worker is the
 * {@value #USER_HEADER} header: a development stand-in for real authentication (put Spring Security in front
 * and read the principal's e-mail instead).
 */
@RestController
@RequestMapping("/api")
public class TimeEntryController {
    static final String USER_HEADER = "X-Roofworx-User";

    private final Roofworx roofworx;

    public TimeEntryController(Roofworx roofworx) {
        this.roofworx = roofworx;
    }

    /** What a worker submits; {@code id} makes a retried submit idempotent. */
    public record EntryRequest(UUID id, String projectId, LocalDate workDate, int minutes, String notes) {
    }

    @GetMapping("/projects")
    public List<Project> projects(@RequestHeader(USER_HEADER) String user) {
        return roofworx.projects().projectsFor(user);
    }

    @PostMapping("/time-entries")
    public ResponseEntity<TimeEntry> submit(@RequestHeader(USER_HEADER) String user, @RequestBody EntryRequest body) {
        EntryDraft draft = EntryDraft.of(body.projectId(), body.workDate(), body.minutes()).withNotes(body.notes());
        if (body.id() != null) {
            draft = draft.withId(body.id());
        }
        SubmitResult result = roofworx.entries().submit(user, draft);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.entry());
    }

    @GetMapping("/time-entries")
    public List<TimeEntry> list(@RequestHeader(USER_HEADER) String user,
                                @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return roofworx.entries().list(user, from == null ? today.minusDays(14) : from, to == null ? today : to);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail unauthenticated(MissingRequestHeaderException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "missing " + USER_HEADER);
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ProjectNotAllowedException.class)
    ProblemDetail forbidden(ProjectNotAllowedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ProblemDetail unavailable(StoreUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
