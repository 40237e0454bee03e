package vn.unionreview.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.unionreview.ingest.Severity;

/**
 * What a problem found in a branch's submission means, and what the branch should do about it, in
 * plain Vietnamese, for the letters back to branches. The reasons are written once, in English, where
 * they are found (rejected.csv keeps them); here each kind is matched and said again. A reason not
 * known here is shown as it is, with a general request to check the cell. The Vietnamese report says the
 * reasons a council decision was not applied the same way.
 */
final class PlainVietnamese {

    /** One kind of problem: its reason's pattern, what it means ({@code $1}… are the pattern's groups) and what to do. */
    private record Kind(Pattern reason, String what, String todo) {
    }

    /** A problem said plainly: what is wrong (or was corrected), and what to do. */
    record Said(String what, String todo) {
    }

    private static final List<Kind> KINDS = List.of(
            kind("score (\\S+) is above the maximum (\\S+) for (\\S+)", "Điểm $1 vượt điểm tối đa $2 của tiêu chí $3.",
                    "Chấm lại trong khoảng từ 0 đến $2."),
            kind("score (\\S+) is negative", "Điểm $1 là số âm.", "Chấm lại bằng một điểm từ 0 trở lên."),
            kind("score (\\S+) is not a multiple of the step (\\S+)", "Điểm $1 không theo bước điểm $2.",
                    "Chấm lại theo bước $2 (ví dụ 7 hoặc 7,5)."),
            kind("'(.*)' is too large: .*", "Giá trị '$1' quá lớn, không thể là điểm hay số lượng.", "Ghi lại đúng giá trị."),
            kind("'(.*)' has more than (\\d+) decimals", "Giá trị '$1' có quá nhiều chữ số thập phân.", "Ghi lại đúng giá trị."),
            kind("'(.*)' is not a whole number", "Giá trị '$1' không phải số nguyên.", "Ghi một số nguyên (ví dụ 125)."),
            kind("'(.*)' is not a number", "Giá trị '$1' không phải là số.", "Ghi một số (ví dụ 8 hoặc 8,5)."),
            kind("'(.*)' is negative", "Giá trị '$1' là số âm.", "Ghi một số từ 0 trở lên."),
            kind("'(.*)' is not yes/no.*", "Giá trị '$1' không phải Có/Không.", "Chọn Có hoặc Không."),
            kind("formula with no saved value.*", "Ô có công thức nhưng chưa có giá trị được lưu.",
                    "Mở tệp bằng Excel hoặc LibreOffice, để công thức tính xong rồi lưu lại."),
            kind("formula error (.*)", "Công thức trong ô bị lỗi $1.", "Sửa công thức hoặc ghi trực tiếp giá trị."),
            kind("the cell holds more than .*", "Ô chứa quá nhiều chữ.", "Chỉ ghi giá trị cần thiết vào ô."),
            kind("not scored \\(blank, counted as 0\\): (.*)", "Tiêu chí chưa chấm (để trống, tính 0 điểm): $1.",
                    "Điền điểm tự chấm cho các tiêu chí này, nếu có."),
            kind("the form is for (\\d+); this run is for (\\d+)", "Phiếu là của năm $1, đợt đánh giá này là năm $2.",
                    "Dùng mẫu phiếu năm $2."),
            kind("no year; this run is for (\\d+)", "Phiếu chưa ghi năm.", "Ghi năm $1 vào phiếu."),
            kind("duplicate submission for (\\S+) \\(also (.*)\\): all are rejected until one is removed",
                    "Công đoàn cơ sở gửi nhiều hơn một bản (bản này và $2); tất cả đều chưa được dùng.",
                    "Báo lại bản nào là bản chính thức, hoặc gửi lại một bản duy nhất."),
            kind("superseded by the newer form (\\S+).*", "Bản này được thay bằng bản lưu sau là $1.", "Không cần làm gì nếu $1 là bản đúng."),
            kind("file not used \\(its earlier rows are rejected with it\\): (.*)", "Tệp không được dùng vì lỗi cấu trúc: $1.",
                    "Sửa tệp (hoặc xuất lại từ Excel) và gửi lại."),
            kind("password-protected.*", "Tệp có đặt mật khẩu nên không đọc được.", "Lưu lại tệp không đặt mật khẩu và gửi lại."),
            kind("a PDF, not a spreadsheet.*", "Tệp là PDF (bản chụp), không phải bảng tính.", "Gửi tệp Excel (.xlsx hoặc .xls) của phiếu."),
            kind("a macro-enabled workbook.*", "Tệp có macro nên không được đọc.", "Lưu lại dạng Excel Workbook (.xlsx) không có macro."),
            kind("the (?:file|workbook|xls workbook) is (?:damaged|incomplete).*", "Tệp bị hỏng hoặc không đầy đủ.", "Gửi lại tệp phiếu."),
            kind("decimal comma.*: '(.*)' read as (\\S+)", "Giá trị '$1' được đọc là $2 (dấu phẩy thập phân).", "Kiểm tra lại; không cần gửi lại."),
            kind("(?:unit '.*' dropped|number stored as text).*: '(.*)' read as (\\S+)", "Giá trị '$1' được đọc là $2.",
                    "Kiểm tra lại; không cần gửi lại."),
            kind("(.*) text '(.*)' read as '(.*)'", "Chữ gõ bằng phông $1 '$2' được đọc là '$3'.", "Kiểm tra lại; lần sau dùng phông Unicode."),
            kind("(.*) text read as '(.*)'", "Chữ gõ bằng phông $1 được đọc là '$2'.", "Kiểm tra lại; lần sau dùng phông Unicode."),
            kind("branch (\\S+) was not scored this year.*", "Công đoàn cơ sở $1 có trong danh sách nhưng không có kết quả năm nay"
                    + " (không có bản dữ liệu hợp lệ).", "Kiểm tra lại phiếu của đơn vị."),
            kind("branch (\\S+) is not in the year's registry.*", "Không có công đoàn cơ sở mã $1 trong danh sách năm nay.",
                    "Kiểm tra lại mã công đoàn cơ sở."),
            kind("(\\S+) does not hold (\\S+)", "$1 không có đề nghị $2.", "Kiểm tra lại quyết định."),
            kind("(\\S+) already holds (\\S+)", "$1 đã có đề nghị $2.", "Kiểm tra lại quyết định."),
            kind("(\\S+)'s tier (\\S+) is below (\\S+)'s minimum tier (\\S+)", "Xếp loại $2 của $1 thấp hơn mức tối thiểu $4 của $3.",
                    "Kiểm tra lại quyết định."),
            kind("(\\S+) holds (\\S+), which excludes (\\S+)", "$1 đã có $2, không thể có thêm $3.", "Kiểm tra lại quyết định."),
            kind("over the limit of (\\S+): (\\d+) allowed (?:in the bloc|overall), (\\d+) hold it",
                    "Vượt số lượng $1 được đề nghị ($2), đã có $3.", "Kiểm tra lại quyết định."),
            kind("the name on the form differs from the registry's '(.*)', which is used",
                    "Tên trên phiếu khác tên trong danh sách công đoàn cơ sở ('$1'); tên trong danh sách được dùng.",
                    "Báo lại nếu tên trong danh sách chưa đúng."));

    private PlainVietnamese() {
    }

    private static Kind kind(String reason, String what, String todo) {
        return new Kind(Pattern.compile(reason, Pattern.DOTALL), what, todo);
    }

    static Said say(Severity severity, String reason) {
        for (Kind kind : KINDS) {
            Matcher m = kind.reason().matcher(reason);
            if (m.matches()) {
                return new Said(m.replaceFirst(kind.what()), m.replaceFirst(kind.todo()));
            }
        }
        return new Said(reason, severity == Severity.REJECTED ? "Xem lại và sửa ô này rồi gửi lại." : "Kiểm tra lại.");
    }
}
