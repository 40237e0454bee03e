package vn.unionreview;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring context of a run: job repository, Flyway schema and the year-end job. Started by the CLI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UnionReviewApplication {
}
