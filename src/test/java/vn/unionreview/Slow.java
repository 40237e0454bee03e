package vn.unionreview;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that `mvn verify` runs and `mvn test` leaves out (the {@code slow} tag, excluded by the surefire plugin's
 * first execution): it starts child JVMs, a browser, LibreOffice, a database server or a token, or runs many years. Say
 * on the test why it is slow.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
