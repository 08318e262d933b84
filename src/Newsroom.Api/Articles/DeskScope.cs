namespace Newsroom.Articles;

/// <summary>Whose desk a command needs: the caller's own (editors, reviewers) or any (publishers).</summary>
public enum DeskScope
{
    OwnDesk,
    AnyDesk
}
