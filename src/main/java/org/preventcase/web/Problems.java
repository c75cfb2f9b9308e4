package org.preventcase.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Errors of the project's API as application/problem+json, never carrying case data. */
public final class Problems {

  private Problems() {}

  public static ResponseEntity<Object> notFound() {
    return problem(HttpStatus.NOT_FOUND, "There is no such case, or you may not see it.");
  }

  public static ResponseEntity<Object> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Cache-Control", "no-store").body(problem);
  }
}
