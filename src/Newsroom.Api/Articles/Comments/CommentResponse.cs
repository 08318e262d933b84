namespace Newsroom.Articles.Comments;

public sealed record CommentResponse(Guid Id, string Text, Actor By, DateTimeOffset At)
{
    public static CommentResponse From(ArticleComment c) => new(c.Id, c.Text, c.By, c.At);
}
