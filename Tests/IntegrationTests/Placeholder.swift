import LocalAPIModels
import Testing

@Suite struct APIVersionTests {
    @Test func prefixIsV1() {
        #expect(APIVersion.pathPrefix == "/v1")
    }
}
