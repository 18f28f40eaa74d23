global using CoreText = Jixiao.Core.Model.Text;
