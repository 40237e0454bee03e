package vn.unionreview.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The decision that publishes a year's results, from {@code union-review.decision.*}: its grounds ("Căn cứ …"
 * paragraphs, in order; {@code {year}} and {@code {issuer}} are filled in). The council's proposal ("Xét đề nghị …") is
 * always added last.
 */
@ConfigurationProperties("union-review.decision")
public record DecisionSettings(List<String> grounds) {

    public DecisionSettings {
        grounds = grounds == null || grounds.isEmpty()
                ? List.of(
                        "Căn cứ Điều lệ Công đoàn Việt Nam;",
                        "Căn cứ Hướng dẫn số 1294/HD-TLĐ ngày 14/8/2019 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam về đánh giá, xếp loại"
                                + " chất lượng hoạt động công đoàn cơ sở;",
                        "Căn cứ kế hoạch đánh giá, xếp loại chất lượng hoạt động công đoàn cơ sở năm {year} của {issuer};")
                : List.copyOf(grounds);
    }
}
