package vn.unionreview;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of a run: job repository, Flyway schema and the year-end job. Started by the CLI. */
@SpringBootApplication
public class UnionReviewApplication {
}
